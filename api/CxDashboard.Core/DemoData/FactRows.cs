namespace CxDashboard.Core.DemoData;

/// <summary>A generated interaction, in the column order of the <c>interaction</c> table.</summary>
public readonly record struct InteractionRow(
    string ExternalId, string CustomerKey, DateTime OpenedAt, DateTime? FirstResponseAt, DateTime? ClosedAt,
    long OrgUnitId, string Channel, string JourneyStage, string Segment, int? HandleSeconds,
    bool? ResolvedFirstContact, short Transfers, bool? RepeatWithin7d, bool EscalatedFromSelfService,
    bool? ContainedInSelfService, bool SwitchedChannel, bool Abandoned, int? SlaTargetSeconds);

/// <summary>A generated survey response, in the column order of the <c>survey_response</c> table.</summary>
public readonly record struct ResponseRow(
    string ExternalId, DateTime RespondedAt, long OrgUnitId, string Channel, string JourneyStage, string Segment,
    string? Touchpoint, short? Nps, short? Csat, short? Ces, string? Comment, string? InteractionExternalId);

/// <summary>Everything generated for one leaf unit in one month.</summary>
public sealed class LeafMonthBatch
{
    public List<InteractionRow> Interactions { get; } = [];
    public List<ResponseRow> Responses { get; } = [];
}
