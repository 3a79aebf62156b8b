using CxDashboard.Core.Facts;
using NpgsqlTypes;

namespace CxDashboard.Core.Ingestion;

/// <summary>survey_response files: external_id, responded_at, unit_code, channel, journey_stage, segment, scores, …</summary>
public sealed class ResponseSpec : FactSpec
{
    public override string Table => "survey_response";
    public override string TimeColumn => "responded_at";
    public override string Fact => "response";

    public override StageColumn[] Columns { get; } =
    [
        new("source", NpgsqlDbType.Text), new("external_id", NpgsqlDbType.Text), new("responded_at", NpgsqlDbType.TimestampTz),
        new("org_unit_id", NpgsqlDbType.Bigint), new("channel", NpgsqlDbType.Text), new("journey_stage", NpgsqlDbType.Text),
        new("segment", NpgsqlDbType.Text), new("touchpoint", NpgsqlDbType.Text), new("nps", NpgsqlDbType.Smallint),
        new("csat", NpgsqlDbType.Smallint), new("ces", NpgsqlDbType.Smallint), new("comment", NpgsqlDbType.Text),
        new("interaction_external_id", NpgsqlDbType.Text),
    ];

    public override string[] RequiredFields { get; } = ["external_id", "responded_at", "unit_code", "channel", "journey_stage", "segment"];

    public override IReadOnlySet<string> KnownFields { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "source", "external_id", "responded_at", "unit_code", "channel", "journey_stage", "segment", "touchpoint",
        "nps", "csat", "ces", "comment", "interaction_external_id",
    };

    public override void Parse(FieldReader f, ImportContext ctx, object?[] v)
    {
        var source = f.Text("source", maxLength: 100) ?? ctx.DefaultSource;
        var id = f.Text("external_id", required: true, maxLength: 200);
        v[0] = source;
        v[1] = id;
        v[2] = f.Timestamp("responded_at", required: true);
        v[3] = UnitId(f, ctx);
        v[4] = f.OneOf("channel", Dimensions.Channels);
        v[5] = f.OneOf("journey_stage", Dimensions.JourneyStages);
        v[6] = f.Text("segment", required: true, maxLength: 100);
        v[7] = f.Text("touchpoint", maxLength: 200);
        var nps = f.Integer("nps", 0, 10);
        var csat = f.Integer("csat", 1, 5);
        var ces = f.Integer("ces", 1, 7);
        v[8] = (short?)nps;
        v[9] = (short?)csat;
        v[10] = (short?)ces;
        v[11] = f.Text("comment", maxLength: 10_000);
        v[12] = f.Text("interaction_external_id", maxLength: 200);
        if (!f.RecordHasErrors && nps is null && csat is null && ces is null)
        {
            f.FailRecord("a response needs at least one score (nps, csat or ces)");
        }
        CheckDuplicate(f, ctx, source, id, f.Line);
    }
}
