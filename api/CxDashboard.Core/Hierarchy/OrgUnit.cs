namespace CxDashboard.Core.Hierarchy;

/// <summary>A node of the organisation tree; <c>kind = partner</c> nodes are partner engagements.</summary>
public sealed class OrgUnit
{
    public long Id { get; set; }
    public long? ParentId { get; set; }
    public required string Kind { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public long? PartnerId { get; set; }
    public DateOnly ValidFrom { get; set; } = new(2000, 1, 1);
    public DateOnly? ValidTo { get; set; }
}
