using System.Diagnostics;
using System.Security.Claims;
using CxDashboard.Api.Export;
using CxDashboard.Api.Security;
using CxDashboard.Core.Export;

namespace CxDashboard.Api.Cli;

/// <summary>
/// <c>export monthly-review --unit CO --month 2026-10 --out f.xlsx [--locale en|zh-CN] [--persona name]</c> and
/// <c>export responses|interactions --unit CO --from 2026-01-01 --to 2026-10-31 --out f.xlsx|f.csv [--persona name]</c>.
/// Reads through the same scope gate, checks and audit as the HTTP endpoints: as a demo persona when given, else as
/// the operator (<c>cli:$USER</c>) scoped to the unit's subtree. Progress on stderr. Exit 0 written, 1 refused, 2 usage.
/// </summary>
internal static class ExportVerb
{
    public static readonly CliSyntax Syntax = CliSyntax.Of("export",
        new(["monthly-review"], [], [Unit, new("--month", "yyyy-MM"), new("--out", "FILE.xlsx", Required: true), new("--locale", "en|zh-CN"), Persona]),
        Raw("responses"), Raw("interactions"));

    private static CliOption Unit => new("--unit", "CODE", Required: true);

    private static CliOption Persona => new("--persona", "NAME");

    private static CliForm Raw(string kind) =>
        new([kind], [], [Unit, new("--from", "yyyy-MM-dd"), new("--to", "yyyy-MM-dd"), new("--out", "FILE.xlsx|FILE.csv", Required: true), Persona]);

    public static async Task<int> RunAsync(WebApplication app, CliArgs o)
    {
        var command = o.Command;
        var unit = o.Value("--unit")!;
        var output = o.Value("--out")!;
        var clock = Stopwatch.StartNew();
        void Progress(string what) => Console.Error.WriteLine($"export: {clock.Elapsed.TotalSeconds,6:0.0}s {what}");

        await using var scope = app.Services.CreateAsyncScope();
        var gate = ExportCaller.GateFor(scope.ServiceProvider, Principal(app, o.Value("--persona"), unit));
        if (command == "monthly-review")
        {
            Progress($"reading the review of {unit} for {o.Value("--month")}");
            var (file, refusal) = await scope.ServiceProvider.GetRequiredService<ReviewExports>().ExportAsync(unit, o.Value("--month"), o.Value("--locale"));
            if (file is null) return Refused(refusal!);
            await File.WriteAllBytesAsync(output, file.Content);
            Progress($"wrote {output}: {file.Content.Length:N0} bytes, {file.Rows:N0} rows");
            return 0;
        }

        var (request, refused) = await scope.ServiceProvider.GetRequiredService<ExportRequests>().RawAsync(unit, o.Value("--from"), o.Value("--to"), default);
        if (request is null) return Refused(refused!);
        var kind = command == "responses" ? RawKind.Responses : RawKind.Interactions;
        var csv = output.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        var selection = new RawSelection(kind, request.Unit.Id, (await gate.ScopeAsync()).ToArray(), request.From, request.To);
        var raw = scope.ServiceProvider.GetRequiredService<RawExport>();
        long rows = 0;
        var outcome = "aborted";
        try
        {
            await using var stream = File.Create(output);
            void Rows(long n) => Progress($"{n:N0} rows ({n / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0} rows/s)");
            rows = csv ? await raw.WriteCsvAsync(selection, stream, Rows) : await raw.WriteXlsxAsync(selection, stream, Rows);
            outcome = "succeeded";
        }
        finally
        {
            await scope.ServiceProvider.GetRequiredService<ReviewExports>().AuditAsync(command, csv ? "csv" : "xlsx", unit,
                $"from={o.Value("--from")}; to={o.Value("--to")}; via=cli", rows, outcome, null);
        }
        Progress($"wrote {output}: {rows:N0} rows");
        return 0;
    }

    private static ClaimsPrincipal Principal(WebApplication app, string? persona, string unit)
    {
        if (persona is null)
        {
            var user = Environment.UserName;
            return ExportCaller.Principal($"cli:{user}", $"{user} (command line)", "operator", [unit]);
        }
        var options = app.Services.GetRequiredService<AuthOptions>();
        if (!options.Personas.TryGetValue(persona, out var p)) throw new CliUsageException($"unknown persona '{persona}' (known: {string.Join(", ", options.Personas.Keys)})");
        var claims = new List<Claim> { new("sub", $"demo:{persona}"), new("name", p.Name), new(CxClaims.Role, p.Role) };
        claims.AddRange(p.Units.Select(u => new Claim(CxClaims.ScopeUnit, u)));
        claims.AddRange(p.Partners.Select(x => new Claim(CxClaims.ScopePartner, x)));
        claims.AddRange(p.Permissions.Select(x => new Claim(CxClaims.Permission, x)));
        if (!p.Permissions.Contains(CxClaims.ExportPermission)) throw new CliUsageException($"persona '{persona}' has no export permission");
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "persona", "name", CxClaims.Role));
    }

    private static int Refused(ExportRefusal r)
    {
        Console.Error.WriteLine($"export refused ({r.Status} {r.Title}): {r.Detail}");
        return 1;
    }
}
