namespace CxDashboard.Core.Hierarchy;

/// <summary>A company outside the organisation that delivers part of the experience.</summary>
public sealed class Partner
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
}
