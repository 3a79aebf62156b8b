using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Limits;

/// <summary>
/// Measures an operation as execution would see it, fragments expanded where spread, in time linear in the
/// document: each fragment is measured once and its figure reused at every spread (so a "fragment bomb"
/// that doubles at each level is measured, not expanded). Figures saturate at long.MaxValue. A spread that
/// closes a cycle counts 0 (NoFragmentCycles reports the cycle).
/// </summary>
internal abstract class SelectionMeasure(ValidationContext context)
{
    private readonly Dictionary<string, long> _fragments = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    protected ValidationContext Context => context;

    /// <summary>The figure of one field, given the figure of its selection set (0 when it has none).</summary>
    protected abstract long Field(FieldNode field, Func<long> measureSelectionSet);

    /// <summary>How the figures of the selections of one set combine (sum by default).</summary>
    protected virtual long Combine(long a, long b) => Add(a, b);

    public long Measure(SelectionSetNode set)
    {
        long total = 0;
        foreach (var selection in set.Selections)
        {
            var figure = selection switch
            {
                FieldNode f => Field(f, () => f.SelectionSet is { } sub ? Measure(sub) : 0),
                InlineFragmentNode i => Measure(i.SelectionSet),
                FragmentSpreadNode s => Fragment(s.Name.Value),
                _ => 0,
            };
            total = Combine(total, figure);
        }
        return total;
    }

    private long Fragment(string name)
    {
        if (_fragments.TryGetValue(name, out var known)) return known;
        if (context.GetFragment(name) is not { } fragment || !_inProgress.Add(name)) return 0;
        var figure = Measure(fragment.SelectionSet);
        _inProgress.Remove(name);
        _fragments[name] = figure;
        return figure;
    }

    public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    public static long Multiply(long a, long b) => a == 0 || b == 0 ? 0 : a > long.MaxValue / b ? long.MaxValue : a * b;
}
