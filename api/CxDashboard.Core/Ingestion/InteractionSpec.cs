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
        new("source", NpgsqlDbType.Text), new("external_id", NpgsqlDbType.Text), new("opened_at", NpgsqlDbType.TimestampTz),
        new("org_unit_id", NpgsqlDbType.Bigint), new("customer_key", NpgsqlDbType.Text), new("first_response_at", NpgsqlDbType.TimestampTz),
        new("closed_at", NpgsqlDbType.TimestampTz), new("channel", NpgsqlDbType.Text), new("journey_stage", NpgsqlDbType.Text),
        new("segment", NpgsqlDbType.Text), new("handle_seconds", NpgsqlDbType.Integer), new("resolved_first_contact", NpgsqlDbType.Boolean),
        new("transfers", NpgsqlDbType.Smallint), new("repeat_within_7d", NpgsqlDbType.Boolean),
        new("escalated_from_self_service", NpgsqlDbType.Boolean), new("contained_in_self_service", NpgsqlDbType.Boolean),
        new("switched_channel", NpgsqlDbType.Boolean), new("abandoned", NpgsqlDbType.Boolean), new("sla_target_seconds", NpgsqlDbType.Integer),
    ];

    public override string[] RequiredFields { get; } =
        ["external_id", "customer_key", "opened_at", "unit_code", "channel", "journey_stage", "segment"];

    public override IReadOnlySet<string> KnownFields { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "source", "external_id", "customer_key", "opened_at", "first_response_at", "closed_at", "unit_code", "channel",
        "journey_stage", "segment", "handle_seconds", "resolved_first_contact", "transfers", "repeat_within_7d",
        "escalated_from_self_service", "contained_in_self_service", "switched_channel", "abandoned", "sla_target_seconds",
    };

    public override void Parse(FieldReader f, ImportContext ctx, object?[] v)
    {
        var source = f.Text("source", maxLength: 100) ?? ctx.DefaultSource;
        var id = f.Text("external_id", required: true, maxLength: 200);
        var opened = f.Timestamp("opened_at", required: true);
        var firstResponse = f.Timestamp("first_response_at");
        var closed = f.Timestamp("closed_at");
        v[0] = source;
        v[1] = id;
        v[2] = opened;
        v[3] = UnitId(f, ctx);
        v[4] = f.Text("customer_key", required: true, maxLength: 200);
        v[5] = firstResponse;
        v[6] = closed;
        v[7] = f.OneOf("channel", Dimensions.Channels);
        v[8] = f.OneOf("journey_stage", Dimensions.JourneyStages);
        v[9] = f.Text("segment", required: true, maxLength: 100);
        v[10] = f.Integer("handle_seconds", 0, MaxSeconds);
        v[11] = f.Boolean("resolved_first_contact");
        v[12] = (short)(f.Integer("transfers", 0, 100) ?? 0);
        v[13] = f.Boolean("repeat_within_7d");
        v[14] = f.Boolean("escalated_from_self_service") ?? false;
        v[15] = f.Boolean("contained_in_self_service");
        v[16] = f.Boolean("switched_channel") ?? false;
        v[17] = f.Boolean("abandoned") ?? false;
        v[18] = f.Integer("sla_target_seconds", 1, MaxSeconds);
        if (opened is { } o)
        {
            if (firstResponse is { } fr && fr < o) f.Fail("first_response_at", f.ColumnOf("first_response_at"), "is before opened_at");
            if (closed is { } c && c < o) f.Fail("closed_at", f.ColumnOf("closed_at"), "is before opened_at");
        }
        CheckDuplicate(f, ctx, source, id, f.Line);
    }
}
