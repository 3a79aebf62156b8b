using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "The graph of fragment spreads must not form any cycles including spreading itself."
/// https://spec.graphql.org/October2021/#sec-Fragment-spreads-must-not-form-cycles
/// Depth-first over spreads; every fragment is explored once, so the work is linear in the document.
/// </summary>
public sealed class NoFragmentCyclesRule : ValidationRule
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<FragmentSpreadNode> _spreadPath = [];
    private readonly Dictionary<string, int> _pathIndexByFragment = new(StringComparer.Ordinal);

    public override void EnterFragmentDefinition(FragmentDefinitionNode node) => DetectCycles(node);

    private void DetectCycles(FragmentDefinitionNode fragment)
    {
        var name = fragment.Name.Value;
        if (!_visited.Add(name)) return;
        var spreads = Context.GetFragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0) return;

        _pathIndexByFragment[name] = _spreadPath.Count;
        foreach (var spread in spreads)
        {
            var spreadName = spread.Name.Value;
            _spreadPath.Add(spread);
            if (!_pathIndexByFragment.TryGetValue(spreadName, out var cycleIndex))
            {
                if (Context.GetFragment(spreadName) is { } target) DetectCycles(target);
            }
            else
            {
                Context.ReportError(ValidationErrors.FragmentCycle(spreadName, _spreadPath.GetRange(cycleIndex, _spreadPath.Count - cycleIndex)));
            }
            _spreadPath.RemoveAt(_spreadPath.Count - 1);
        }
        _pathIndexByFragment.Remove(name);
    }
}
