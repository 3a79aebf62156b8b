namespace CxDashboard.Core.Facts;

/// <summary>A raw survey response (partitioned by month of <see cref="RespondedAt"/>).</summary>
public sealed class SurveyResponse
{
    public long Id { get; set; }
    public string Source { get; set; } = "default";
    public required string ExternalId { get; set; }
    public DateTimeOffset RespondedAt { get; set; }
    public long OrgUnitId { get; set; }
    public required string Channel { get; set; }
    public required string JourneyStage { get; set; }
    public required string Segment { get; set; }
    public string? Touchpoint { get; set; }
    public short? Nps { get; set; }
    public short? Csat { get; set; }
    public short? Ces { get; set; }
    public string? Comment { get; set; }
    public string? InteractionExternalId { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
}
