using CxDashboard.Core.DemoData;
using CxDashboard.Tests.Infrastructure;
using Npgsql;

namespace CxDashboard.Tests.DemoData;

/// <summary>A class database holding a small demo data set (seed 42).</summary>
public sealed class SeededDatabase : CxDatabase
{
    public static readonly SeedOptions Options = new() { Responses = 30_000, Interactions = 50_000, Seed = 42 };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new DemoSeeder(DataSource, TextWriter.Null).SeedAsync(Options);
    }

    /// <summary>Seeds a second, throwaway database and returns the fingerprint of its facts.</summary>
    public static async Task<string> FingerprintOfFreshSeedAsync(SeedOptions options)
    {
        var name = await TestPostgres.CreateDatabaseAsync("cx_seed");
        try
        {
            await using var ds = NpgsqlDataSource.Create(TestPostgres.ConnectionStringFor(name));
            await new DemoSeeder(ds, TextWriter.Null).SeedAsync(options);
            return await FingerprintAsync(ds);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(name);
        }
    }

    /// <summary>md5 over every fact row in a fixed order, with unit codes instead of surrogate ids.</summary>
    public static async Task<string> FingerprintAsync(NpgsqlDataSource ds)
    {
        await using var cmd = ds.CreateCommand("""
            SELECT md5(string_agg(line, E'\n' ORDER BY line)) FROM (
                SELECT concat_ws('|', r.external_id, r.responded_at, u.code, r.channel, r.journey_stage, r.segment, r.touchpoint,
                                 r.nps, r.csat, r.ces, r.comment, r.interaction_external_id) AS line
                FROM survey_response r JOIN org_unit u ON u.id = r.org_unit_id
                UNION ALL
                SELECT concat_ws('|', i.external_id, i.customer_key, i.opened_at, i.first_response_at, i.closed_at, u.code, i.channel,
                                 i.journey_stage, i.segment, i.handle_seconds, i.resolved_first_contact, i.transfers, i.repeat_within_7d,
                                 i.escalated_from_self_service, i.contained_in_self_service, i.switched_channel, i.abandoned, i.sla_target_seconds)
                FROM interaction i JOIN org_unit u ON u.id = i.org_unit_id
            ) facts
            """);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
