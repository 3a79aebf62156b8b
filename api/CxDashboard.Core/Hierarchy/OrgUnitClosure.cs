namespace CxDashboard.Core.Hierarchy;

/// <summary>One (ancestor, descendant) pair, depth 0 for the unit itself: "a unit and everything under it" is one join.</summary>
public sealed class OrgUnitClosure
{
    public long AncestorId { get; set; }
    public long DescendantId { get; set; }
    public int Depth { get; set; }
}
