namespace CxDashboard.Core.Hierarchy;

/// <summary>Levels of the cascade; stored as lower-case text.</summary>
public static class OrgUnitKind
{
    public const string Company = "company";
    public const string Division = "division";
    public const string Department = "department";
    public const string Team = "team";
    public const string Partner = "partner";

    public static readonly string[] All = [Company, Division, Department, Team, Partner];
}
