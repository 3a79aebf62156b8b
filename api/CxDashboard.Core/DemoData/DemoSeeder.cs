using System.Threading.Channels;
using CxDashboard.Core.Diagnostics;
using CxDashboard.Core.Facts;
using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Core.DemoData;

/// <summary>
/// Loads the demo organisation, 13 months of facts and a KPI cascade. Facts stream through binary
/// COPY (one connection per table) while leaf-months are generated in parallel, so memory stays
/// bounded at any size.
/// </summary>
public sealed class DemoSeeder(NpgsqlDataSource dataSource, TextWriter? log = null)
{
    private readonly TextWriter log = log ?? Console.Error;

    public async Task<bool> HasOrganisationAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM org_unit)");
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Empties every table the seed writes (facts, org, KPIs, rollups); the metric catalogue stays.</summary>
    public async Task ResetAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            DO $$
            DECLARE t text;
            BEGIN
                FOREACH t IN ARRAY ARRAY['rollup_cell','rollup_state','job_run','dirty_day','survey_response_change','interaction_change','kpi_checkin','kpi_target','kpi',
                                         'survey_response','interaction','org_unit_closure','org_unit','partner'] LOOP
                    IF to_regclass(t) IS NOT NULL THEN
                        EXECUTE format('TRUNCATE %I RESTART IDENTITY CASCADE', t);
                    END IF;
                END LOOP;
            END $$;
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<SeedSummary> SeedAsync(SeedOptions options, CancellationToken ct = default)
    {
        var units = DemoOrganisation.Build();
        var ids = await InsertOrganisationAsync(units, ct);
        log.WriteLine($"seed: organisation of {units.Count} units, {DemoOrganisation.Partners.Length} partners");

        var leaves = units.Where(u => u.ChannelMix.Length > 0).ToArray();
        var months = Enumerable.Range(0, options.Months).Select(i => options.FirstMonth.AddMonths(i)).ToArray();
        await EnsurePartitionsAsync(months[0], months[^1].AddMonths(1).AddDays(-1), ct);

        var (interactions, responses) = await WriteFactsAsync(options, leaves, ids, months, ct);
        var kpis = await DemoKpis.InsertAsync(dataSource, units, ids, months, ct);
        log.WriteLine($"seed: {kpis} KPIs with monthly targets");
        return new SeedSummary(units.Count, interactions, responses, kpis);
    }

    private async Task<Dictionary<string, long>> InsertOrganisationAsync(IReadOnlyList<DemoUnit> units, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var (code, name) in DemoOrganisation.Partners)
        {
            await using var p = new NpgsqlCommand("INSERT INTO partner (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name", conn, tx);
            p.Parameters.Add(new() { Value = code });
            p.Parameters.Add(new() { Value = name });
            await p.ExecuteNonQueryAsync(ct);
        }
        var ids = new Dictionary<string, long>();
        foreach (var u in units) // parents come before children in Build()
        {
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO org_unit (kind, code, name, parent_id, partner_id)
                VALUES ($1, $2, $3, (SELECT id FROM org_unit WHERE code = $4), (SELECT id FROM partner WHERE code = $5))
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_id = EXCLUDED.parent_id, partner_id = EXCLUDED.partner_id
                RETURNING id
                """, conn, tx);
            cmd.Parameters.Add(new() { Value = u.Kind });
            cmd.Parameters.Add(new() { Value = u.Code });
            cmd.Parameters.Add(new() { Value = u.Name });
            cmd.Parameters.Add(new() { Value = (object?)u.ParentCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            cmd.Parameters.Add(new() { Value = (object?)u.PartnerCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            ids[u.Code] = (long)(await cmd.ExecuteScalarAsync(ct))!;
        }
        await using (var closure = new NpgsqlCommand("SELECT rebuild_org_closure()", conn, tx))
        {
            await closure.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return ids;
    }

    private async Task EnsurePartitionsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        foreach (var table in new[] { "survey_response", "interaction" })
        {
            await using var cmd = dataSource.CreateCommand("SELECT ensure_month_partitions($1, $2, $3)");
            cmd.Parameters.Add(new() { Value = table });
            cmd.Parameters.Add(new() { Value = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) });
            cmd.Parameters.Add(new() { Value = to.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc) });
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task<(long Interactions, long Responses)> WriteFactsAsync(
        SeedOptions options, DemoUnit[] leaves, Dictionary<string, long> ids, DateOnly[] months, CancellationToken ct)
    {
        // Expected counts per leaf-month: leaf volume × month volume (December +20%), normalised to the totals.
        var monthVolume = months.Select(m => m.Month == 12 ? 1.2 : 1.0).ToArray();
        var weightSum = leaves.Sum(l => l.Volume) * monthVolume.Sum();
        var linkedResponses = Math.Min(options.Responses * PlantedEffects.LinkedShare, options.Interactions);
        var linkProbability = options.Interactions > 0 ? linkedResponses / options.Interactions : 0;
        var unlinkedResponses = options.Responses - linkedResponses;

        var generator = new FactGenerator(options.Seed);
        var progress = new Progress("seed", options.Interactions + options.Responses, log);
        var interactionQueue = Channel.CreateBounded<List<InteractionRow>>(8);
        var responseQueue = Channel.CreateBounded<List<ResponseRow>>(8);

        var writeInteractions = Task.Run(() => CopyInteractionsAsync(interactionQueue.Reader, progress, ct), ct);
        var writeResponses = Task.Run(() => CopyResponsesAsync(responseQueue.Reader, progress, ct), ct);

        var work = from li in Enumerable.Range(0, leaves.Length) from mi in Enumerable.Range(0, months.Length) select (li, mi);
        try
        {
            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (w, token) =>
            {
                var leaf = leaves[w.li];
                var share = leaf.Volume * monthVolume[w.mi] / weightSum;
                var batch = generator.Generate(w.li, leaf, ids[leaf.Code], months[w.mi], w.mi,
                    options.Interactions * share, linkProbability, unlinkedResponses * share);
                await interactionQueue.Writer.WriteAsync(batch.Interactions, token);
                await responseQueue.Writer.WriteAsync(batch.Responses, token);
            });
        }
        finally
        {
            interactionQueue.Writer.TryComplete();
            responseQueue.Writer.TryComplete();
        }
        var counts = await Task.WhenAll(writeInteractions, writeResponses);
        progress.Finish();
        return (counts[0], counts[1]);
    }

    private async Task<long> CopyInteractionsAsync(ChannelReader<List<InteractionRow>> reader, Progress progress, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var copy = await conn.BeginBinaryImportAsync("""
            COPY interaction (external_id, customer_key, opened_at, first_response_at, closed_at, org_unit_id, channel, journey_stage,
                segment, handle_seconds, resolved_first_contact, transfers, repeat_within_7d, escalated_from_self_service,
                contained_in_self_service, switched_channel, abandoned, sla_target_seconds) FROM STDIN (FORMAT BINARY)
            """, ct);
        long rows = 0;
        await foreach (var batch in reader.ReadAllAsync(ct))
        {
            foreach (var r in batch)
            {
                copy.StartRow();
                copy.Write(r.ExternalId, NpgsqlDbType.Text);
                copy.Write(r.CustomerKey, NpgsqlDbType.Text);
                copy.Write(r.OpenedAt, NpgsqlDbType.TimestampTz);
                WriteNullable(copy, r.FirstResponseAt, NpgsqlDbType.TimestampTz);
                WriteNullable(copy, r.ClosedAt, NpgsqlDbType.TimestampTz);
                copy.Write(r.OrgUnitId, NpgsqlDbType.Bigint);
                copy.Write(r.Channel, NpgsqlDbType.Text);
                copy.Write(r.JourneyStage, NpgsqlDbType.Text);
                copy.Write(r.Segment, NpgsqlDbType.Text);
                WriteNullable(copy, r.HandleSeconds, NpgsqlDbType.Integer);
                WriteNullable(copy, r.ResolvedFirstContact, NpgsqlDbType.Boolean);
                copy.Write(r.Transfers, NpgsqlDbType.Smallint);
                WriteNullable(copy, r.RepeatWithin7d, NpgsqlDbType.Boolean);
                copy.Write(r.EscalatedFromSelfService, NpgsqlDbType.Boolean);
                WriteNullable(copy, r.ContainedInSelfService, NpgsqlDbType.Boolean);
                copy.Write(r.SwitchedChannel, NpgsqlDbType.Boolean);
                copy.Write(r.Abandoned, NpgsqlDbType.Boolean);
                WriteNullable(copy, r.SlaTargetSeconds, NpgsqlDbType.Integer);
            }
            rows += batch.Count;
            progress.Add(batch.Count);
        }
        await copy.CompleteAsync(ct);
        return rows;
    }

    private async Task<long> CopyResponsesAsync(ChannelReader<List<ResponseRow>> reader, Progress progress, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var copy = await conn.BeginBinaryImportAsync("""
            COPY survey_response (external_id, responded_at, org_unit_id, channel, journey_stage, segment, touchpoint,
                nps, csat, ces, comment, interaction_external_id) FROM STDIN (FORMAT BINARY)
            """, ct);
        long rows = 0;
        await foreach (var batch in reader.ReadAllAsync(ct))
        {
            foreach (var r in batch)
            {
                copy.StartRow();
                copy.Write(r.ExternalId, NpgsqlDbType.Text);
                copy.Write(r.RespondedAt, NpgsqlDbType.TimestampTz);
                copy.Write(r.OrgUnitId, NpgsqlDbType.Bigint);
                copy.Write(r.Channel, NpgsqlDbType.Text);
                copy.Write(r.JourneyStage, NpgsqlDbType.Text);
                copy.Write(r.Segment, NpgsqlDbType.Text);
                WriteNullable(copy, r.Touchpoint, NpgsqlDbType.Text);
                WriteNullable(copy, r.Nps, NpgsqlDbType.Smallint);
                WriteNullable(copy, r.Csat, NpgsqlDbType.Smallint);
                WriteNullable(copy, r.Ces, NpgsqlDbType.Smallint);
                WriteNullable(copy, r.Comment, NpgsqlDbType.Text);
                WriteNullable(copy, r.InteractionExternalId, NpgsqlDbType.Text);
            }
            rows += batch.Count;
            progress.Add(batch.Count);
        }
        await copy.CompleteAsync(ct);
        return rows;
    }

    // Synchronous writes: rows are already in memory and the importer buffers; awaiting each field costs more than it saves.
    private static void WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v) copy.Write(v, type);
        else copy.WriteNull();
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type)
    {
        if (value is not null) copy.Write(value, type);
        else copy.WriteNull();
    }
}

public sealed record SeedSummary(int Units, long Interactions, long Responses, int Kpis);
