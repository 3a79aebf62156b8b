using CxDashboard.Api.Security;
using CxDashboard.Core.Scorecards;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.Api.Cascade;

/// <summary>
/// Scorecards per (unit, period) through one request DataLoader, so every scorecard asked for at one
/// level of a query — aliased root fields, or the children of every line of the level above — costs the
/// service's four SQL commands together. The service fills children, drivers and reconciliation only on
/// the lines of the units it loaded; a nested <c>children { children }</c> reaches the next level by
/// loading the child units' scorecards here. Scope and privacy floor come from the one scope component
/// (<see cref="VisibleUnits.ScorecardsAsync"/>); units outside the scope get no scorecard.
/// </summary>
internal static class ScorecardLoader
{
    public static async Task<Scorecard> LoadAsync(IResolveContext ctx, long unit, Period period) =>
        await Loader(ctx).LoadAsync((unit, period)) ?? throw new InvalidOperationException($"no scorecard loaded for unit {unit}");

    /// <summary>The line with its links: itself when its scorecard was loaded for its unit, else the same line of its unit's scorecard.</summary>
    public static async Task<ScorecardKpi> ExpandedAsync(IResolveContext ctx, ScorecardKpi line)
    {
        if (line.Expanded) return line;
        var card = await LoadAsync(ctx, line.Kpi.UnitId, line.Current.Period);
        return card.Kpis.FirstOrDefault(k => k.Kpi.Id == line.Kpi.Id) ?? line;
    }

    private static DataLoader<(long Unit, Period Period), Scorecard> Loader(IResolveContext ctx) =>
        ctx.DataLoader<(long Unit, Period Period), Scorecard>("scorecards", async (keys, ct) =>
        {
            var visible = CascadeCaller.Visible(ctx);
            var result = new Dictionary<(long, Period), Scorecard>();
            foreach (var byPeriod in keys.GroupBy(k => k.Period))
            {
                var cards = await visible.ScorecardsAsync(byPeriod.Select(k => k.Unit).ToArray(), byPeriod.Key, ct);
                foreach (var (unit, card) in cards) result[(unit, byPeriod.Key)] = card;
            }
            return result;
        });
}
