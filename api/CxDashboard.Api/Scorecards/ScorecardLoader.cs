using CxDashboard.Api.Security;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.Api.Scorecards;

/// <summary>
/// Scorecards per (unit, period, levels) through one request DataLoader, so every scorecard asked for at one
/// level of a query — aliased root fields, or the children of every line of the level above — costs the
/// service's one read together. A scorecard is loaded with as many cascade levels expanded as the
/// query nests below it (<see cref="ScorecardLookahead"/>), so a company scorecard down to its departments is
/// one round trip; a line that still comes back unexpanded (the query nests deeper than the cap) is expanded
/// by loading its unit's scorecard here. Scope and privacy floor come from the one scope component
/// (<see cref="VisibleScorecards.ScorecardsAsync"/>); units outside the scope get no scorecard.
/// </summary>
internal static class ScorecardLoader
{
    /// <summary>The scorecard field's scorecard, with the levels its selection nests; null when the unit is unknown or outside the scope.</summary>
    public static async Task<Scorecard?> LoadAsync(IResolveContext ctx, long unit, Period period) =>
        await Loader(ctx).LoadAsync((unit, period, ScorecardLookahead.ForScorecard(ctx)));

    /// <summary>
    /// The line with its links, for its <c>children</c>, <c>drivers</c> or <c>reconciliation</c> field: itself when it
    /// came back expanded, else the same line of its unit's scorecard (loaded with the levels that field nests).
    /// </summary>
    public static async Task<ScorecardKpi> ExpandedAsync(IResolveContext ctx, ScorecardKpi line)
    {
        if (line.Expanded) return line;
        var card = await Loader(ctx).LoadAsync((line.Kpi.UnitId, line.Current.Period, ScorecardLookahead.ForLineField(ctx)));
        return card?.Kpis.FirstOrDefault(k => k.Kpi.Id == line.Kpi.Id) ?? line;
    }

    private static DataLoader<(long Unit, Period Period, int Levels), Scorecard> Loader(IResolveContext ctx) =>
        ctx.DataLoader<(long Unit, Period Period, int Levels), Scorecard>("scorecards", async (keys, ct) =>
        {
            var visible = ctx.Service<VisibleScorecards>();
            var result = new Dictionary<(long, Period, int), Scorecard>();
            // One load per period, with the most levels any key asks for: more expanded lines answer every key alike.
            foreach (var group in keys.GroupBy(k => k.Period))
            {
                var cards = await visible.ScorecardsAsync(group.Select(k => k.Unit).Distinct().ToArray(), group.Key, group.Max(k => k.Levels), ct);
                foreach (var key in group)
                    if (cards.TryGetValue(key.Unit, out var card)) result[key] = card;
            }
            return result;
        });
}
