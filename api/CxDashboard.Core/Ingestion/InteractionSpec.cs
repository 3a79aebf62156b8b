using CxDashboard.Core.Facts;
using NpgsqlTypes;

namespace CxDashboard.Core.Ingestion;

/// <summary>interaction files: one customer contact per row with its process facts.</summary>
public sealed class InteractionSpec : FactSpec
{
    private const int MaxSeconds = 366 * 24 * 3600;

    public override string Table => "interaction";
    public override string TimeColumn => "opened_at";
    public override string Fact => "interaction";

    public override StageColumn[] Columns { get; } =
    [
        new("source", NpgsqlDbType.Text, Key: true), new("external_id", NpgsqlDbType.Text, Key: true), new("opened_at", NpgsqlDbType.TimestampTz),
        new("org_unit_id", NpgsqlDbType.Bigint), new("customer_key", NpgsqlDbType.Text), new("first_response_at", NpgsqlDbType.TimestampTz),
        new("closed_at", NpgsqlDbType.TimestampTz), new("channel", NpgsqlDbType.Text), new("journey_stage", NpgsqlDbType.Text),
        new("segment", NpgsqlDbType.Text), new("handle_seconds", NpgsqlDbType.Integer), new("resolved_first_contact", NpgsqlDbType.Boolean),
        new("transfers", NpgsqlDbType.Smallint), new("repeat_within_7d", NpgsqlDbType.Boolean),
        new("escalated_from_self_service", NpgsqlDbType.Boolean), new("contained_in_self_service", NpgsqlDbType.Boolean),
        new("switched_channel", NpgsqlDbType.Boolean), new("abandoned", NpgsqlDbType.Boolean), new("sla_target_seconds", NpgsqlDbType.Integer),
    ];

    private static readonly FieldSet Set = new();
    private static readonly Field Source = Set.Add("source");
    private static readonly Field ExternalId = Set.Add("external_id", required: true);
    private static readonly Field CustomerKey = Set.Add("customer_key", required: true);
    private static readonly Field OpenedAt = Set.Add("opened_at", required: true);
    private static readonly Field FirstResponseAt = Set.Add("first_response_at");
    private static readonly Field ClosedAt = Set.Add("closed_at");
    private static readonly Field UnitCode = Set.Add("unit_code", required: true);
    private static readonly Field Channel = Set.Add("channel", required: true);
    private static readonly Field JourneyStage = Set.Add("journey_stage", required: true);
    private static readonly Field Segment = Set.Add("segment", required: true);
    private static readonly Field HandleSeconds = Set.Add("handle_seconds");
    private static readonly Field ResolvedFirstContact = Set.Add("resolved_first_contact");
    private static readonly Field Transfers = Set.Add("transfers");
    private static readonly Field RepeatWithin7d = Set.Add("repeat_within_7d");
    private static readonly Field EscalatedFromSelfService = Set.Add("escalated_from_self_service");
    private static readonly Field ContainedInSelfService = Set.Add("contained_in_self_service");
    private static readonly Field SwitchedChannel = Set.Add("switched_channel");
    private static readonly Field Abandoned = Set.Add("abandoned");
    private static readonly Field SlaTargetSeconds = Set.Add("sla_target_seconds");

    public override FieldSet Fields => Set;

    public override void Parse(FieldReader f, ImportContext ctx, object?[] v)
    {
        var source = f.Label(Source, maxLength: 100) ?? ctx.DefaultSource;
        var id = f.Text(ExternalId, out var idColumn, required: true, maxLength: 200);
        var opened = f.Timestamp(OpenedAt, required: true);
        var firstResponse = f.Timestamp(FirstResponseAt);
        var closed = f.Timestamp(ClosedAt);
        v[0] = source;
        v[1] = id;
        v[2] = opened;
        v[3] = UnitId(f, ctx, UnitCode);
        v[4] = f.Text(CustomerKey, required: true, maxLength: 200);
        v[5] = firstResponse;
        v[6] = closed;
        v[7] = f.OneOf(Channel, Dimensions.Channels);
        v[8] = f.OneOf(JourneyStage, Dimensions.JourneyStages);
        v[9] = f.Label(Segment, required: true, maxLength: 100);
        v[10] = f.Integer(HandleSeconds, 0, MaxSeconds);
        v[11] = Boxes.Bool(f.Boolean(ResolvedFirstContact));
        v[12] = Boxes.Short(f.Integer(Transfers, 0, 100) ?? 0);
        v[13] = Boxes.Bool(f.Boolean(RepeatWithin7d));
        v[14] = Boxes.Bool(f.Boolean(EscalatedFromSelfService) ?? false);
        v[15] = Boxes.Bool(f.Boolean(ContainedInSelfService));
        v[16] = Boxes.Bool(f.Boolean(SwitchedChannel) ?? false);
        v[17] = Boxes.Bool(f.Boolean(Abandoned) ?? false);
        v[18] = f.Integer(SlaTargetSeconds, 1, MaxSeconds);
        if (opened is { } o)
        {
            if (firstResponse is { } fr && fr < o) f.Fail(FirstResponseAt, ImportProblem.BeforeOther, "is before opened_at", ("other", "opened_at"));
            if (closed is { } c && c < o) f.Fail(ClosedAt, ImportProblem.BeforeOther, "is before opened_at", ("other", "opened_at"));
        }
        CheckDuplicate(f, ctx, source, id, ExternalId, idColumn);
    }
}
