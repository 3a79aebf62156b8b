using System.Globalization;
using CxDashboard.Core.DemoData;
using Npgsql;

namespace CxDashboard.Api.Cli;

/// <summary>
/// <c>seed [--responses N] [--interactions N] [--seed S] [--end yyyy-MM-dd] [--if-empty] [--reset]</c>:
/// loads the demo organisation, facts and KPI cascade.
/// </summary>
internal static class SeedVerb
{
    public static readonly CliSyntax Syntax = CliSyntax.Of("seed", CliForm.Of(new("--responses", "N"), new("--interactions", "N"),
        new("--seed", "S"), new("--end", "yyyy-MM-dd"), CliOption.Flag("--if-empty"), CliOption.Flag("--reset")));

    public static async Task<int> RunAsync(WebApplication app, CliArgs opts)
    {
        var options = new SeedOptions
        {
            Responses = opts.Long("--responses", 300_000),
            Interactions = opts.Long("--interactions", 600_000),
            Seed = (ulong)opts.Long("--seed", 42),
            End = opts.Value("--end") is { } end
                ? DateOnly.TryParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d : throw new CliUsageException($"--end: '{end}' is not a date (yyyy-MM-dd)")
                : new SeedOptions().End,
        };

        var cs = app.Configuration.GetConnectionString("Cx")!;
        await using var dataSource = NpgsqlDataSource.Create(cs);
        var seeder = new DemoSeeder(dataSource);
        if (await seeder.HasOrganisationAsync())
        {
            if (opts.Has("--if-empty"))
            {
                Console.Error.WriteLine("seed: the database already has an organisation; nothing to do (--if-empty)");
                return 0;
            }
            if (!opts.Has("--reset"))
            {
                throw new CliUsageException("the database already has data; pass --reset to replace it with the demo data set, or --if-empty to skip");
            }
            Console.Error.WriteLine("seed: --reset: removing the existing organisation, facts, KPIs and rollups");
            await seeder.ResetAsync();
        }

        var summary = await seeder.SeedAsync(options);
        Console.WriteLine($"seeded {summary.Units} units, {summary.Interactions:N0} interactions, {summary.Responses:N0} responses, " +
            $"{summary.Kpis} KPIs (seed {options.Seed}, {options.FirstMonth:yyyy-MM} … {options.End:yyyy-MM})");
        return 0;
    }
}
