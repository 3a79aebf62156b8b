using System.Globalization;
using CxDashboard.Api.Embedding;
using CxDashboard.Core.Embedding;
using CxDashboard.Core.Scorecards;

namespace CxDashboard.Api.Cli;

/// <summary>
/// <c>embed hosts | add-host --name N --origins O[,O] [--units U[,U]] [--partners P[,P]] --views V[,V] [--permissions view,drill,export]
/// | issue-key --host ID | revoke-key --key KEYID | rotate-key --key KEYID [--overlap-hours 24] | rotate-signing-key</c>:
/// host applications and their keys, for operators (the CLI runs with the database's full rights, like <c>seed</c>).
/// </summary>
internal static class EmbedVerb
{
    public static readonly CliSyntax Syntax = CliSyntax.Of("embed",
        Command("hosts"),
        Command("add-host", new("--name", "N", Required: true), new("--origins", "O[,O]", Required: true), new("--units", "U,…"), new("--partners", "P,…"),
            new("--views", "V,…", Required: true), new("--permissions", "view,drill,export")),
        Command("issue-key", new CliOption("--host", "ID", Required: true)),
        Command("revoke-key", new CliOption("--key", "KEYID", Required: true)),
        Command("rotate-key", new CliOption("--key", "KEYID", Required: true), new("--overlap-hours", "24")),
        Command("rotate-signing-key"));

    private static CliForm Command(string name, params CliOption[] options) => new([name], [], options);

    public static async Task<int> RunAsync(WebApplication app, CliArgs opts)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var hosts = scope.ServiceProvider.GetRequiredService<HostRegistry>();
        try
        {
            switch (opts.Command)
            {
                case "hosts":
                    foreach (var h in await hosts.ListAsync())
                    {
                        Console.WriteLine($"{h.Id}\t{h.Name}\torigins={string.Join(',', h.Origins)}\tunits={string.Join(',', h.GrantUnits)}\tpartners={string.Join(',', h.GrantPartners)}" +
                            $"\tviews={string.Join(',', h.Views)}\tpermissions={string.Join(',', h.Permissions)}{(h.DisabledAt is null ? "" : "\tdisabled")}");
                        foreach (var k in h.Keys)
                        {
                            var state = k.RevokedAt is not null ? "revoked" : k.ExpiresAt is { } e ? $"expires {e:u}" : "active";
                            Console.WriteLine($"\tkey {k.KeyId}\t{state}\tcreated {k.CreatedAt:u}");
                        }
                    }
                    return ExitCodes.Done;
                case "add-host":
                    var host = await hosts.RegisterAsync(new HostInput(
                        opts.Value("--name")!,
                        List(opts, "--origins"), List(opts, "--units"), List(opts, "--partners"), List(opts, "--views"),
                        opts.Has("--permissions") ? List(opts, "--permissions") : [EmbedPermissions.View, EmbedPermissions.Drill]));
                    Console.WriteLine($"host {host.Id} '{host.Name}' registered; issue a key with: embed issue-key --host {host.Id}");
                    return ExitCodes.Done;
                case "issue-key":
                    var issued = await hosts.IssueKeyAsync(HostId(opts)) ?? throw new CliUsageException($"no host {opts.Value("--host")}");
                    PrintKey(issued);
                    return ExitCodes.Done;
                case "revoke-key":
                    var keyId = opts.Value("--key")!;
                    if (!await hosts.RevokeKeyAsync(keyId)) throw new CliUsageException($"no API key {keyId}");
                    Console.WriteLine($"key {keyId} revoked");
                    return ExitCodes.Done;
                case "rotate-key":
                    var old = opts.Value("--key")!;
                    var hours = opts.Long("--overlap-hours", 24);
                    if (hours > HostRegistry.MaxOverlap.TotalHours) throw new CliUsageException($"--overlap-hours: at most {HostRegistry.MaxOverlap.TotalHours:0}");
                    var overlap = TimeSpan.FromHours(hours);
                    var rotated = await hosts.RotateKeyAsync(old, overlap) ?? throw new CliUsageException($"no usable API key {old}");
                    PrintKey(rotated);
                    Console.WriteLine($"the old key {old} works until {DateTimeOffset.UtcNow + overlap:u}");
                    return ExitCodes.Done;
                case "rotate-signing-key":
                    var kid = await scope.ServiceProvider.GetRequiredService<SigningKeyRing>().RotateAsync();
                    var grace = scope.ServiceProvider.GetRequiredService<EmbedOptions>().RetiredKeyGrace;
                    Console.WriteLine($"embed tokens are now signed by {kid}; tokens signed by the retired key work for {grace} more");
                    return ExitCodes.Done;
                default:
                    throw new InvalidOperationException($"embed {opts.Command} is in the syntax but not handled");
            }
        }
        catch (InputRejectedException e)
        {
            foreach (var x in e.Errors) await Console.Error.WriteLineAsync($"error: {x.Path}: {x.Message}");
            return ExitCodes.Rejected;
        }
    }

    private static void PrintKey(IssuedApiKey k)
    {
        Console.WriteLine($"key id {k.KeyId} for host {k.HostId}; the key (shown once, only its hash is kept):");
        Console.WriteLine(k.Key);
    }

    private static long HostId(CliArgs opts) =>
        long.TryParse(opts.Value("--host"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new CliUsageException("--host needs a host id (embed hosts lists them)");

    private static string[] List(CliArgs opts, string name) =>
        opts.Value(name)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
}
