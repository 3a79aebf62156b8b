namespace CxDashboard.Core.Embedding;

/// <summary>The views a host can embed, by the names tokens and the embed route use.</summary>
public static class EmbedViews
{
    public const string Scorecard = "scorecard";
    public const string Cascade = "cascade";
    public const string Process = "process";
    public const string Partner = "partner";

    public static readonly IReadOnlyList<string> All = [Scorecard, Cascade, Process, Partner];

    /// <summary>Views whose figures can be restricted to one slice (a scorecard and its cascade read KPIs' own slices).</summary>
    public static bool TakesSlice(string view) => view is Process or Partner;
}

/// <summary>What an embed token lets its viewer do.</summary>
public static class EmbedPermissions
{
    public const string View = "view";

    /// <summary>See and open the units under the locked unit (without it the scope is the unit alone).</summary>
    public const string Drill = "drill";

    /// <summary>Download the view's workbook (<c>/export/*</c>), audited per host.</summary>
    public const string Export = "export";

    public static readonly IReadOnlyList<string> All = [View, Drill, Export];
}
