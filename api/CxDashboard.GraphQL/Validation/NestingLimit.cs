using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation;

/// <summary>
/// <see cref="ValidationOptions.MaxNestingDepth"/>, checked before any rule runs: how deeply a definition nests
/// selection sets, list and object values and list types, with fragment spreads expanded. The rules, field
/// collection, coercion, execution and the response writer recurse once per level (and follow spreads), so a
/// document within the limit keeps every one of them far from the end of the thread's stack.
/// "Fragment definitions are referenced in fragment spreads and are … expanded in place" is what makes a chain
/// of spreads (<c>fragment F1 on Q { ...F2 } fragment F2 on Q { ...F3 } …</c>) as deep as nested braces.
/// https://spec.graphql.org/October2021/#sec-Fragment-Spreads
/// This check itself walks with explicit stacks, so an AST built without the parser's limit cannot overflow it.
/// </summary>
internal static class NestingLimit
{
    /// <summary>The error for the first definition nested deeper than <paramref name="max"/>, or null.</summary>
    public static GraphQLError? Check(DocumentNode document, int max)
    {
        var measures = new List<(ExecutableDefinitionNode Definition, Measure Measure)>();
        var fragments = new Dictionary<string, Measure>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is not ExecutableDefinitionNode executable) continue;
            var measure = Measure.Of(executable, max);
            measures.Add((executable, measure));
            if (executable is FragmentDefinitionNode f) fragments[f.Name.Value] = measure; // the last of a name, as validation keeps it
        }

        var cyclic = false;
        foreach (var fragment in fragments.Values) Expand(fragment, fragments, ref cyclic);
        foreach (var (definition, measure) in measures)
            if (definition is OperationDefinitionNode)
                foreach (var (spread, depth) in measure.Spreads)
                    if (fragments.TryGetValue(spread.Name.Value, out var target)) measure.Consider(spread, depth, target);
        // With a cycle (reported by NoFragmentCycles) the longest walk through spreads visits each fragment at most
        // once, so the sum of every fragment's own depth bounds it.
        var cyclicBound = cyclic ? fragments.Values.Aggregate(0L, (sum, m) => SaturatingAdd(sum, m.Local)) : 0;

        foreach (var (definition, measure) in measures)
        {
            if (measure.Local > max) return ValidationErrors.NestedTooDeeply(measure.FirstTooDeep!, measure.Local, max);
            var expanded = cyclic ? (measure.Spreads.Count > 0 ? SaturatingAdd(measure.Local, cyclicBound) : measure.Local) : measure.Expanded;
            if (expanded > max) return ValidationErrors.NestedTooDeeply(measure.DeepestSpread ?? (Node)definition, expanded, max);
        }
        return null;
    }

    /// <summary>
    /// Sets the <see cref="Measure.Expanded"/> depth (spreads followed) of <paramref name="root"/> and every fragment
    /// it reaches, depth-first with an explicit stack, each fragment once; a spread back into the current path
    /// sets <paramref name="cyclic"/>.
    /// </summary>
    private static void Expand(Measure root, Dictionary<string, Measure> fragments, ref bool cyclic)
    {
        if (root.State == Measure.Done) return;
        var stack = new Stack<(Measure Measure, int Next)>();
        root.State = Measure.InProgress;
        stack.Push((root, 0));
        while (stack.TryPop(out var frame))
        {
            var (measure, next) = frame;
            if (next < measure.Spreads.Count)
            {
                stack.Push((measure, next + 1));
                var (spread, depth) = measure.Spreads[next];
                if (!fragments.TryGetValue(spread.Name.Value, out var target)) continue;
                if (target.State == Measure.InProgress) { cyclic = true; continue; }
                if (target.State == Measure.Done) { measure.Consider(spread, depth, target); continue; }
                target.State = Measure.InProgress;
                stack.Push((target, 0));
                continue;
            }
            measure.State = Measure.Done;
            // the parent's pending spread (the one just before its Next) led here
            if (stack.TryPeek(out var parent))
            {
                var (spread, depth) = parent.Measure.Spreads[parent.Next - 1];
                parent.Measure.Consider(spread, depth, measure);
            }
        }
    }

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    /// <summary>One definition's own depth and the depth at which each of its spreads stands.</summary>
    private sealed class Measure
    {
        public const int NotVisited = 0, InProgress = 1, Done = 2;

        public int State;
        public long Local;
        public Node? FirstTooDeep;
        public readonly List<(FragmentSpreadNode Spread, int Depth)> Spreads = [];
        public long Expanded;
        public FragmentSpreadNode? DeepestSpread;

        /// <summary>A spread at <paramref name="depth"/> puts the target's first level at depth + 1.</summary>
        public void Consider(FragmentSpreadNode spread, int depth, Measure target)
        {
            var through = SaturatingAdd(depth, target.Expanded);
            if (through > Expanded)
            {
                Expanded = through;
                DeepestSpread = spread;
            }
        }

        public static Measure Of(ExecutableDefinitionNode definition, int max)
        {
            var m = new Measure();
            var stack = new Stack<(Node Node, int Depth)>();
            stack.Push((definition, 0));
            while (stack.TryPop(out var item))
            {
                var (node, depth) = item;
                if (node is SelectionSetNode or ListValueNode or ObjectValueNode or ListTypeNode)
                {
                    depth++;
                    if (depth > m.Local) m.Local = depth;
                    if (depth > max && m.FirstTooDeep is null) m.FirstTooDeep = node;
                }
                switch (node)
                {
                    case OperationDefinitionNode op:
                        foreach (var v in op.VariableDefinitions) stack.Push((v, depth));
                        PushDirectives(stack, op.Directives, depth);
                        stack.Push((op.SelectionSet, depth));
                        break;
                    case FragmentDefinitionNode f:
                        PushDirectives(stack, f.Directives, depth);
                        stack.Push((f.SelectionSet, depth));
                        break;
                    case VariableDefinitionNode v:
                        stack.Push((v.Type, depth));
                        if (v.DefaultValue is { } d) stack.Push((d, depth));
                        PushDirectives(stack, v.Directives, depth);
                        break;
                    case SelectionSetNode set:
                        foreach (var s in set.Selections) stack.Push((s, depth));
                        break;
                    case FieldNode field:
                        foreach (var a in field.Arguments) stack.Push((a.Value, depth));
                        PushDirectives(stack, field.Directives, depth);
                        if (field.SelectionSet is { } sub) stack.Push((sub, depth));
                        break;
                    case InlineFragmentNode inline:
                        PushDirectives(stack, inline.Directives, depth);
                        stack.Push((inline.SelectionSet, depth));
                        break;
                    case FragmentSpreadNode spread:
                        PushDirectives(stack, spread.Directives, depth);
                        m.Spreads.Add((spread, depth));
                        break;
                    case ListValueNode list:
                        foreach (var v in list.Values) stack.Push((v, depth));
                        break;
                    case ObjectValueNode obj:
                        foreach (var f in obj.Fields) stack.Push((f.Value, depth));
                        break;
                    case ListTypeNode lt:
                        stack.Push((lt.Type, depth));
                        break;
                    case NonNullTypeNode nn:
                        stack.Push((nn.Type, depth));
                        break;
                }
            }
            m.Expanded = m.Local;
            // spreads in document order, so the error names the first of equally deep ones
            m.Spreads.Sort((a, b) => a.Spread.Start.CompareTo(b.Spread.Start));
            return m;
        }

        private static void PushDirectives(Stack<(Node, int)> stack, IReadOnlyList<DirectiveNode> directives, int depth)
        {
            foreach (var d in directives)
                foreach (var a in d.Arguments)
                    stack.Push((a.Value, depth));
        }
    }
}
