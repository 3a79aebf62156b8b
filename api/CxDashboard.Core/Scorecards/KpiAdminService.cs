using CxDashboard.Core.Facts;
using CxDashboard.Core.Metrics;
using CxDashboard.Core.Values;
using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Core.Scorecards;

/// <summary>
/// KPI administration and check-ins (DESIGN §7). Every method validates the whole input first and
/// throws <see cref="InputRejectedException"/> listing every problem before anything is written;
/// writes happen in one transaction. Who may call what is decided by the caller (API layer, scope).
/// </summary>
public sealed class KpiAdminService(NpgsqlDataSource db, KpiQueries queries, Ingestion.ImportOptions? imports = null)
{
    /// <summary>
    /// The dates a target or check-in may be about: not before the earliest plausible fact (<c>Imports:EarliestDate</c>,
    /// nothing older can be measured) and not after the last day a period can be read (<see cref="Period.Latest"/>).
    /// </summary>
    public (DateOnly From, DateOnly To) DateWindow => ((imports ?? new Ingestion.ImportOptions()).EarliestDate, Period.Latest);

    public const int MaxOwnerLength = 200;
    public const int MaxNoteLength = 4000;
    public const int MaxTargetsPerCall = 400;
    public const decimal MaxWeight = 100m;

    private static readonly string[] SliceDimensions = ["channel", "journey_stage", "segment"];

    public Task<KpiDefinition> CreateAsync(KpiCreateInput input, CancellationToken ct = default) =>
        SaveAsync(new KpiSaveInput(null, input.UnitId, input.Metric, input.SliceDimension, input.SliceValue, input.Weight, input.IsShared,
            input.Owner, input.ParentKpiId, StatusRule: input.StatusRule), ct);

    public Task<KpiDefinition> UpdateAsync(KpiUpdateInput input, CancellationToken ct = default) =>
        SaveAsync(new KpiSaveInput(input.KpiId, Weight: input.Weight, IsShared: input.IsShared, Owner: input.Owner,
            ParentKpiId: input.ParentKpiId, ClearParent: input.ClearParent), ct);

    /// <summary>
    /// Creates (no <see cref="KpiSaveInput.KpiId"/>) or changes a KPI together with its status rule and targets: every
    /// field and every target is checked first, then all is written in one transaction, so a refused target leaves the
    /// KPI and all its targets as they were (issue 15, "nothing half-saved").
    /// </summary>
    public async Task<KpiDefinition> SaveAsync(KpiSaveInput input, CancellationToken ct = default)
    {
        var errors = new InputErrors("input");
        KpiDefinition? existing = null;
        Metric? metric = null;
        long? unitId = null;
        if (input.KpiId is { } id)
        {
            existing = (await queries.ByIdsAsync([id], ct)).GetValueOrDefault(id);
            if (existing is null) errors.Add("id", KpiProblem.KpiNotFound, $"no KPI with id {id}", ("id", id));
            if (input.UnitId is not null) errors.Add("unit", KpiProblem.FixedOnceCreated, "a KPI's unit is fixed once it is created", ("what", "unit"));
            if (input.Metric is not null) errors.Add("metric", KpiProblem.FixedOnceCreated, "a KPI's metric is fixed once it is created", ("what", "metric"));
            if (input.SliceDimension is not null || input.SliceValue is not null) errors.Add("sliceDimension", KpiProblem.FixedOnceCreated, "a KPI's slice is fixed once it is created", ("what", "slice"));
            if (existing is not null)
            {
                unitId = existing.UnitId;
                metric = await MetricAsync(existing.MetricCode, ct);
            }
        }
        else
        {
            if (input.UnitId is not { } unit) errors.Add("unit", KpiProblem.Required, "a new KPI needs its unit", ("what", "unit"));
            else if (!await UnitExistsAsync(unit, ct)) errors.Add("unit", KpiProblem.UnitNotFound, $"no org unit with id {unit}", ("id", unit));
            else unitId = unit;
            if (string.IsNullOrEmpty(input.Metric)) errors.Add("metric", KpiProblem.Required, "a new KPI needs its metric", ("what", "metric"));
            else if ((metric = await MetricAsync(input.Metric, ct)) is null) errors.Add("metric", KpiProblem.UnknownMetric, $"unknown metric '{input.Metric}'", ("metric", input.Metric));
            CheckSlice(input.SliceDimension, input.SliceValue, errors);
        }
        if (input.Weight is { } w) CheckWeight(w, errors);
        CheckOwner(input.Owner, errors);
        if (input.ClearParent && input.ParentKpiId is not null) errors.Add("parent", KpiProblem.NotBoth, "give a parent or clearParent, not both", ("first", "parent"), ("second", "clearParent"));
        if (input.StatusRule is { } rule)
        {
            if (input.DefaultStatusRule) errors.Add("statusRule", KpiProblem.NotBoth, "give a rule or defaultStatusRule, not both", ("first", "statusRule"), ("second", "defaultStatusRule"));
            StatusRuleValidation.Check(rule, errors, "statusRule");
        }
        var targets = input.Targets ?? [];
        CheckTargets(metric, input.TargetGrain, targets, errors);
        if (input.ParentKpiId is { } parentId && metric is not null && unitId is { } u)
        {
            // A new KPI's parent is checked once the rest holds (a refused unit or slice says enough).
            if (parentId == existing?.Id) errors.Add("parent", KpiProblem.OwnParent, "a KPI cannot be its own parent");
            else if (existing is not null || !errors.Any) await CheckParentAsync(u, metric, parentId, errors, ct);
        }
        if (existing is null && !errors.Any && await DuplicateAsync(unitId!.Value, metric!.Code, input.SliceDimension, input.SliceValue, ct))
        {
            errors.Add("metric", KpiProblem.DuplicateKpi, "the unit already has a KPI on this metric and slice");
        }
        errors.ThrowIfAny();

        var ruleJson = input.StatusRule is { } r2 ? RuleJson(r2) : null;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var kpiId = existing?.Id ?? await KpiWrites.InsertAsync(conn, tx, unitId!.Value, metric!.Code, input.SliceDimension, input.SliceValue,
            input.ParentKpiId, input.Weight ?? 1m, input.IsShared ?? false, Trimmed(input.Owner), ruleJson, ct);
        if (existing is not null)
        {
            await KpiWrites.UpdateAsync(conn, tx, kpiId, input.Weight, input.IsShared, Trimmed(input.Owner), input.ParentKpiId, input.ClearParent,
                setRule: input.StatusRule is not null || input.DefaultStatusRule, ruleJson, ct);
        }
        await KpiWrites.TargetsAsync(conn, tx, kpiId, input.TargetGrain, targets, ct);
        await tx.CommitAsync(ct);
        return (await queries.ByIdsAsync([kpiId], ct))[kpiId];
    }

    /// <summary>Replaces the status rule; null restores <see cref="StatusRule.Default"/>.</summary>
    public async Task<KpiDefinition> SetStatusRuleAsync(long kpiId, IReadOnlyList<StatusCondition>? rule, CancellationToken ct = default)
    {
        var errors = new InputErrors("input");
        if (await queries.UnitOfAsync(kpiId, ct) is null) errors.Add("kpi", KpiProblem.KpiNotFound, $"no KPI with id {kpiId}", ("id", kpiId));
        if (rule is not null) StatusRuleValidation.Check(rule, errors, "rules");
        errors.ThrowIfAny();
        await using var cmd = db.CreateCommand("UPDATE kpi SET status_rule = $2::jsonb WHERE id = $1");
        cmd.Parameters.Add(new() { Value = kpiId });
        cmd.Parameters.Add(new() { Value = rule is null ? DBNull.Value : RuleJson(rule), NpgsqlDbType = NpgsqlDbType.Text });
        await cmd.ExecuteNonQueryAsync(ct);
        return (await queries.ByIdsAsync([kpiId], ct))[kpiId];
    }

    /// <summary>Upserts the given periods' targets (null value deletes one), all or nothing.</summary>
    public async Task<IReadOnlyList<KpiTarget>> SetTargetsAsync(KpiTargetsInput input, CancellationToken ct = default)
    {
        var errors = new InputErrors("input");
        var kpi = (await queries.ByIdsAsync([input.KpiId], ct)).GetValueOrDefault(input.KpiId);
        if (kpi is null) errors.Add("kpi", KpiProblem.KpiNotFound, $"no KPI with id {input.KpiId}", ("id", input.KpiId));
        if (input.Targets.Count == 0) errors.Add("targets", KpiProblem.NoTargets, "give at least one target");
        CheckTargets(kpi is null ? null : await MetricAsync(kpi.MetricCode, ct), input.Grain, input.Targets, errors, grainField: "grain");
        errors.ThrowIfAny();

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await KpiWrites.TargetsAsync(conn, tx, input.KpiId, input.Grain, input.Targets, ct);
        await tx.CommitAsync(ct);
        return [.. (await queries.TargetsAsync([input.KpiId], input.Grain, ct))[input.KpiId]];
    }

    /// <summary>Targets at one grain: aligned periods inside the date window, each once, values in the metric's range (when known).</summary>
    private void CheckTargets(Metric? metric, string grain, IReadOnlyList<KpiTargetValue> targets, InputErrors errors, string grainField = "targetGrain")
    {
        var grainOk = TargetGrains.IsTargetGrain(grain);
        if (!grainOk) errors.Add(grainField, KpiProblem.NotTargetGrain, $"'{grain}' is not a target grain (month, quarter or year)", ("grain", grain));
        if (targets.Count > MaxTargetsPerCall) errors.Add("targets", KpiProblem.TooManyTargets, $"at most {MaxTargetsPerCall} targets per call", ("max", MaxTargetsPerCall));
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            if (!InWindow(t.PeriodStart, errors, $"targets[{i}].periodStart")) continue;
            if (grainOk && !TargetGrains.IsAligned(grain, t.PeriodStart)) errors.Add($"targets[{i}].periodStart", KpiProblem.NotPeriodStart, $"{t.PeriodStart:yyyy-MM-dd} is not the first day of a {grain}",
                ("date", Day(t.PeriodStart)), ("grain", grain));
            if (!seen.Add(t.PeriodStart)) errors.Add($"targets[{i}].periodStart", KpiProblem.DuplicatePeriod, $"{t.PeriodStart:yyyy-MM-dd} is given more than once", ("date", Day(t.PeriodStart)));
            if (t.Value is { } v && metric is not null) CheckValue(metric, v, errors, $"targets[{i}].value");
        }
    }

    private bool InWindow(DateOnly date, InputErrors errors, string field)
    {
        var (from, to) = DateWindow;
        if (date >= from && date <= to) return true;
        errors.Add(field, KpiProblem.DateOutsideWindow, $"{date:yyyy-MM-dd} is outside the dates this service accepts ({from:yyyy-MM-dd} to {to:yyyy-MM-dd})",
            ("date", Day(date)), ("from", Day(from)), ("to", Day(to)));
        return false;
    }

    public async Task<KpiCheckinView> RecordCheckinAsync(KpiCheckinInput input, string author, CancellationToken ct = default)
    {
        var errors = new InputErrors("input");
        var kpi = (await queries.ByIdsAsync([input.KpiId], ct)).GetValueOrDefault(input.KpiId);
        if (kpi is null) errors.Add("kpi", KpiProblem.KpiNotFound, $"no KPI with id {input.KpiId}", ("id", input.KpiId));
        if (InWindow(input.PeriodStart, errors, "periodStart") && input.PeriodStart.Day != 1) errors.Add("periodStart", KpiProblem.NotPeriodStart, $"{input.PeriodStart:yyyy-MM-dd} is not the first day of a month",
            ("date", Day(input.PeriodStart)), ("grain", "month"));
        if (input.Value is { } v && kpi is not null && await MetricAsync(kpi.MetricCode, ct) is { } metric) CheckValue(metric, v, errors, "value");
        if (input.Note is { Length: > MaxNoteLength }) errors.Add("note", KpiProblem.TooLong, $"at most {MaxNoteLength} characters", ("max", MaxNoteLength));
        if (string.IsNullOrWhiteSpace(author)) errors.Add("", KpiProblem.NoAuthor, "the caller has no name to sign the check-in with");
        errors.ThrowIfAny();

        await using var cmd = db.CreateCommand("""
            INSERT INTO kpi_checkin (kpi_id, period_start, value, status, note, author) VALUES ($1, $2, $3, $4, $5, $6)
            RETURNING id, kpi_id, period_start, value, status, note, author, created_at
            """);
        cmd.Parameters.Add(new() { Value = input.KpiId });
        cmd.Parameters.Add(new() { Value = input.PeriodStart });
        cmd.Parameters.Add(new() { Value = (object?)input.Value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Numeric });
        cmd.Parameters.Add(new() { Value = input.Status.ToDb() });
        cmd.Parameters.Add(new() { Value = (object?)Trimmed(input.Note) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = author });
        return (await ScorecardReader.ReadCheckinsAsync(cmd, ct))[0];
    }

    private static string RuleJson(IReadOnlyList<StatusCondition> rule)
    {
        using var doc = new StatusRule(rule).ToJson();
        return doc.RootElement.GetRawText();
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void CheckWeight(decimal weight, InputErrors errors)
    {
        if (weight <= 0 || weight > MaxWeight) errors.Add("weight", KpiProblem.WeightOutOfRange, $"must be greater than 0 and at most {MaxWeight}", ("value", weight), ("max", MaxWeight));
    }

    private static void CheckOwner(string? owner, InputErrors errors)
    {
        if (owner is { Length: > MaxOwnerLength }) errors.Add("owner", KpiProblem.TooLong, $"at most {MaxOwnerLength} characters", ("max", MaxOwnerLength));
    }

    private static void CheckValue(Metric metric, decimal value, InputErrors errors, string field)
    {
        var (min, max) = MetricValueRange.Of(metric);
        if (value < min || value > max)
        {
            errors.Add(field, KpiProblem.OutOfRange, $"{value} is out of range: {MetricValueRange.Describe(metric)}",
                ("value", value), ("min", min), ("max", max), ("metric", metric.Code), ("unit", metric.Unit));
        }
    }

    private static void CheckSlice(string? dimension, string? value, InputErrors errors)
    {
        if (dimension is null && value is null) return;
        if (dimension is null || value is null)
        {
            errors.Add(dimension is null ? "sliceDimension" : "sliceValue", KpiProblem.SliceIncomplete, "a slice needs both a dimension and a value");
            return;
        }
        if (Array.IndexOf(SliceDimensions, dimension) < 0)
        {
            errors.Add("sliceDimension", KpiProblem.NotSliceDimension, $"'{dimension}' is not a slice dimension (channel, journey_stage or segment)", ("dimension", dimension));
            return;
        }
        var known = dimension switch { "channel" => Dimensions.Channels, "journey_stage" => Dimensions.JourneyStages, _ => null };
        if (known is not null && Array.IndexOf(known, value) < 0)
        {
            errors.Add("sliceValue", KpiProblem.UnknownSliceValue, $"'{value}' is not a {dimension} (one of {string.Join(", ", known)})",
                ("value", value), ("dimension", dimension), ("allowed", known));
        }
        if (known is null && (value.Length == 0 || value.Length > 100)) errors.Add("sliceValue", KpiProblem.SegmentNameLength, "a segment name has 1 to 100 characters", ("min", 1), ("max", 100));
    }

    /// <summary>
    /// A cascade edge goes either to the same metric at an ancestor unit, or from a process KPI to an
    /// outcome KPI of the same unit (the outcome it drives). Either way the edge points up, so no cycle can form.
    /// </summary>
    private async Task CheckParentAsync(long unitId, Metric metric, long parentId, InputErrors errors, CancellationToken ct)
    {
        var parent = (await queries.ByIdsAsync([parentId], ct)).GetValueOrDefault(parentId);
        if (parent is null)
        {
            errors.Add("parent", KpiProblem.KpiNotFound, $"no KPI with id {parentId}", ("id", parentId));
            return;
        }
        if (parent.UnitId == unitId)
        {
            if (metric.Kind != "process" || !parent.IsOutcome)
            {
                errors.Add("parent", KpiProblem.ParentNotOutcome, "a parent at the same unit must be an outcome KPI that this process KPI drives");
            }
            return;
        }
        await using var cmd = db.CreateCommand("SELECT depth FROM org_unit_closure WHERE ancestor_id = $1 AND descendant_id = $2");
        cmd.Parameters.Add(new() { Value = parent.UnitId });
        cmd.Parameters.Add(new() { Value = unitId });
        if (await cmd.ExecuteScalarAsync(ct) is not int and not long and not short)
        {
            errors.Add("parent", KpiProblem.ParentNotAbove, $"the parent KPI's unit ({parent.UnitCode}) is not above this KPI's unit", ("parentUnit", parent.UnitCode));
        }
        else if (parent.MetricCode != metric.Code)
        {
            errors.Add("parent", KpiProblem.ParentOtherMetric, $"a parent at a unit above must be on the same metric ({metric.Code}), not {parent.MetricCode}",
                ("metric", metric.Code), ("parentMetric", parent.MetricCode));
        }
    }

    private async Task<bool> UnitExistsAsync(long unitId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT 1 FROM org_unit WHERE id = $1");
        cmd.Parameters.Add(new() { Value = unitId });
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    private async Task<bool> DuplicateAsync(long unitId, string metric, string? sliceDimension, string? sliceValue, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT 1 FROM kpi WHERE org_unit_id = $1 AND metric_code = $2
              AND slice_dimension IS NOT DISTINCT FROM $3 AND slice_value IS NOT DISTINCT FROM $4
            """);
        cmd.Parameters.Add(new() { Value = unitId });
        cmd.Parameters.Add(new() { Value = metric });
        cmd.Parameters.Add(new() { Value = (object?)sliceDimension ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = (object?)sliceValue ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    private async Task<Metric?> MetricAsync(string code, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT code, name, kind, unit, direction, description, computation, scale_min, scale_max FROM metric WHERE code = $1");
        cmd.Parameters.Add(new() { Value = code });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new Metric
        {
            Code = r.GetString(0), Name = r.GetString(1), Kind = r.GetString(2), Unit = r.GetString(3), Direction = r.GetString(4),
            Description = r.GetString(5), Computation = r.GetString(6),
            ScaleMin = r.IsDBNull(7) ? null : r.GetInt16(7), ScaleMax = r.IsDBNull(8) ? null : r.GetInt16(8),
        };
    }
}
