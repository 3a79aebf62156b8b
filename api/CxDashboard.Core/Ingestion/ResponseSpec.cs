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
        new("source", NpgsqlDbType.Text, Key: true), new("external_id", NpgsqlDbType.Text, Key: true), new("responded_at", NpgsqlDbType.TimestampTz),
        new("org_unit_id", NpgsqlDbType.Bigint), new("channel", NpgsqlDbType.Text), new("journey_stage", NpgsqlDbType.Text),
        new("segment", NpgsqlDbType.Text), new("touchpoint", NpgsqlDbType.Text), new("nps", NpgsqlDbType.Smallint),
        new("csat", NpgsqlDbType.Smallint), new("ces", NpgsqlDbType.Smallint), new("comment", NpgsqlDbType.Text),
        new("interaction_external_id", NpgsqlDbType.Text, Key: true),
    ];

    private static readonly FieldSet Set = new();
    private static readonly Field Source = Set.Add("source");
    private static readonly Field ExternalId = Set.Add("external_id", required: true);
    private static readonly Field RespondedAt = Set.Add("responded_at", required: true);
    private static readonly Field UnitCode = Set.Add("unit_code", required: true);
    private static readonly Field Channel = Set.Add("channel", required: true);
    private static readonly Field JourneyStage = Set.Add("journey_stage", required: true);
    private static readonly Field Segment = Set.Add("segment", required: true);
    private static readonly Field Touchpoint = Set.Add("touchpoint");
    private static readonly Field Nps = Set.Add("nps");
    private static readonly Field Csat = Set.Add("csat");
    private static readonly Field Ces = Set.Add("ces");
    private static readonly Field Comment = Set.Add("comment");
    private static readonly Field InteractionExternalId = Set.Add("interaction_external_id");

    public override FieldSet Fields => Set;

    public override void Parse(FieldReader f, ImportContext ctx, object?[] v)
    {
        var source = f.Label(Source, maxLength: 100) ?? ctx.DefaultSource;
        var id = f.Text(ExternalId, out var idColumn, required: true, maxLength: 200);
        v[0] = source;
        v[1] = id;
        v[2] = f.Timestamp(RespondedAt, required: true);
        v[3] = UnitId(f, ctx, UnitCode);
        v[4] = f.OneOf(Channel, Dimensions.Channels);
        v[5] = f.OneOf(JourneyStage, Dimensions.JourneyStages);
        v[6] = f.Label(Segment, required: true, maxLength: 100);
        v[7] = f.Label(Touchpoint, maxLength: 200);
        var nps = f.Integer(Nps, 0, 10);
        var csat = f.Integer(Csat, 1, 5);
        var ces = f.Integer(Ces, 1, 7);
        v[8] = Boxes.Short(nps);
        v[9] = Boxes.Short(csat);
        v[10] = Boxes.Short(ces);
        v[11] = f.Text(Comment, maxLength: 10_000);
        v[12] = f.Text(InteractionExternalId, maxLength: 200);
        if (!f.RecordHasErrors && nps is null && csat is null && ces is null)
        {
            f.FailRecord(ImportProblem.NoScore, "a response needs at least one score (nps, csat or ces)");
        }
        CheckDuplicate(f, ctx, source, id, ExternalId, idColumn);
    }
}
