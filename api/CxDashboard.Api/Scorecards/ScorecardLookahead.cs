using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Language;

namespace CxDashboard.Api.Scorecards;

/// <summary>
/// How many cascade levels a query will walk below a scorecard, read from the query itself, so the scorecard's
/// one SQL batch can bring every level the query nests (<c>kpis { children { children { … } } }</c>) instead of
/// one round trip per level. Fragments and inline fragments count as written; @skip/@include are ignored, so a
/// conditional selection may read a level that is then not shown (never fewer levels than needed).
/// </summary>
internal static class ScorecardLookahead
{
    /// <summary>Levels for the <c>scorecard</c> field: its units' lines and, under <c>kpis</c>, whatever they nest.</summary>
    public static int ForScorecard(IResolveContext ctx) =>
        Math.Max(1, Subfields(ctx, ctx.FieldNodes, "kpis").Select(f => Lines(ctx, f.SelectionSet, 0)).DefaultIfEmpty(1).Max());

    /// <summary>
    /// Levels for expanding one line from its <c>children</c>, <c>drivers</c> or <c>reconciliation</c> field: the line's
    /// unit, plus what the field's own selection nests (children sit one level down, drivers at the same unit).
    /// </summary>
    public static int ForLineField(IResolveContext ctx) => ctx.Field.Name switch
    {
        "children" => 1 + ctx.FieldNodes.Max(f => Next(ctx, f.SelectionSet, 0)),
        "drivers" => ctx.FieldNodes.Max(f => Lines(ctx, f.SelectionSet, 0)),
        _ => 1,
    };

    /// <summary>Levels to expand so that lines selected with <paramref name="lines"/> resolve: at least their own.</summary>
    private static int Lines(IResolveContext ctx, SelectionSetNode? lines, int depth)
    {
        if (lines is null || depth >= ScorecardService.MaxLevels) return 1;
        var levels = 1;
        foreach (var field in Fields(ctx, lines))
        {
            if (field.Name.Value == "children") levels = Math.Max(levels, 1 + Next(ctx, field.SelectionSet, depth + 1));
            else if (field.Name.Value == "drivers") levels = Math.Max(levels, Lines(ctx, field.SelectionSet, depth + 1));
        }
        return Math.Min(levels, ScorecardService.MaxLevels);
    }

    /// <summary>Child lines need expanding only when their selection reads their own links.</summary>
    private static int Next(IResolveContext ctx, SelectionSetNode? lines, int depth) =>
        lines is not null && Fields(ctx, lines).Any(f => f.Name.Value is "children" or "drivers" or "reconciliation") ? Lines(ctx, lines, depth) : 0;

    private static IEnumerable<FieldNode> Subfields(IResolveContext ctx, IEnumerable<FieldNode> nodes, string name) =>
        nodes.Where(n => n.SelectionSet is not null).SelectMany(n => Fields(ctx, n.SelectionSet!)).Where(f => f.Name.Value == name);

    /// <summary>The fields of a selection set, through fragment spreads and inline fragments (validation rules out cycles).</summary>
    private static IEnumerable<FieldNode> Fields(IResolveContext ctx, SelectionSetNode set)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    yield return field;
                    break;
                case InlineFragmentNode inline:
                    foreach (var f in Fields(ctx, inline.SelectionSet)) yield return f;
                    break;
                case FragmentSpreadNode spread when ctx.Fragments.TryGetValue(spread.Name.Value, out var fragment):
                    foreach (var f in Fields(ctx, fragment.SelectionSet)) yield return f;
                    break;
            }
        }
    }
}
