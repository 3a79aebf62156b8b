namespace CxDashboard.Core.Facts;

/// <summary>A raw customer contact (partitioned by month of <see cref="OpenedAt"/>).</summary>
public sealed class Interaction
{
    public long Id { get; set; }
    public string Source { get; set; } = "default";
    public required string ExternalId { get; set; }
    public required string CustomerKey { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? FirstResponseAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public long OrgUnitId { get; set; }
    public required string Channel { get; set; }
    public required string JourneyStage { get; set; }
    public required string Segment { get; set; }
    public int? HandleSeconds { get; set; }
    public bool? ResolvedFirstContact { get; set; }
    public short Transfers { get; set; }
    public bool? RepeatWithin7d { get; set; }
    public bool EscalatedFromSelfService { get; set; }
    public bool? ContainedInSelfService { get; set; }
    public bool SwitchedChannel { get; set; }
    public bool Abandoned { get; set; }
    public int? SlaTargetSeconds { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
}
