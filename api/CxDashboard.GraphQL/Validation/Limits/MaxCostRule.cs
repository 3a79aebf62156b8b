using System.Globalization;
using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Validation.Limits;

/// <summary>
/// <see cref="ValidationOptions.MaxCost"/>: a static estimate of the work an operation asks for, made before anything
/// runs. Each field costs 1, or the number in its definition's <c>cost</c> metadata entry; the selections under a
/// field count once per item expected: its size argument (<see cref="ValidationOptions.ListSizeArguments"/>, e.g.
/// <c>first</c>: literal, variable default, or the argument's default; on a list field or on a page object that holds
/// the list one level down), else for a list field its <c>listSize</c> metadata entry or
/// <see cref="ValidationOptions.DefaultListSize"/>. A size given by a variable without a default counts as
/// <see cref="ValidationOptions.DefaultListSize"/> (the resolver checks the real value's own bound). Fragments are
/// costed once per operation and reused at every spread.
/// </summary>
public sealed class MaxCostRule : ValidationRule
{
    public override void EnterOperation(OperationDefinitionNode node)
    {
        if (Context.Options.MaxCost is not { } max) return;
        var cost = new CostEstimate(Context, node).SelectionSet(Context.Schema.GetRootType(node.Operation), node.SelectionSet);
        if (cost > max) Context.ReportError(ValidationErrors.TooCostly(node, cost, max));
    }

    private sealed class CostEstimate(ValidationContext context, OperationDefinitionNode operation)
    {
        private readonly Dictionary<string, long> _fragments = new(StringComparer.Ordinal);
        private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

        public long SelectionSet(NamedType? parentType, SelectionSetNode set)
        {
            long total = 0;
            foreach (var selection in set.Selections)
                total = SelectionMeasure.Add(total, selection switch
                {
                    FieldNode f => Field(parentType, f),
                    InlineFragmentNode i => SelectionSet(i.TypeCondition is { } t ? TypeRelations.FromAst(context.Schema, t) : parentType, i.SelectionSet),
                    FragmentSpreadNode s => Fragment(s.Name.Value),
                    _ => 0,
                });
            return total;
        }

        private long Field(NamedType? parentType, FieldNode field)
        {
            var def = parentType is null ? null : context.Schema.GetFieldDefinition(parentType, field.Name.Value);
            var weight = def is not null && Metadata(def, ValidationOptions.CostMetadataKey) is { } explicitWeight ? explicitWeight : 1;
            if (field.SelectionSet is not { } sub) return weight;
            var children = SelectionSet(def?.Type.NamedType, sub);
            var items = def is null ? 1 : Size(field, def);
            return SelectionMeasure.Add(weight, SelectionMeasure.Multiply(items, children));
        }

        /// <summary>How many times the field's selections are expected to run.</summary>
        private long Size(FieldNode field, FieldDefinition def)
        {
            foreach (var name in context.Options.ListSizeArguments)
            {
                if (def.GetArgument(name) is not { } argument) continue;
                var value = field.Arguments.FirstOrDefault(a => a.Name.Value == name)?.Value;
                if (value is VariableNode v)
                    value = operation.VariableDefinitions.FirstOrDefault(d => d.Variable.Name.Value == v.Name.Value)?.DefaultValue
                        ?? new IntValueNode { Value = context.Options.DefaultListSize.ToString(CultureInfo.InvariantCulture) };
                value ??= argument.DefaultValue;
                if (value is IntValueNode i && long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                    return Math.Max(n, 0);
            }
            if (def.Type.Nullable is not ListType) return 1;
            return Math.Max(Metadata(def, ValidationOptions.ListSizeMetadataKey) ?? context.Options.DefaultListSize, 0);
        }

        private static long? Metadata(FieldDefinition def, string key) =>
            def.Metadata.TryGetValue(key, out var value) ? ToLong(value) : null;

        private long Fragment(string name)
        {
            if (_fragments.TryGetValue(name, out var known)) return known;
            if (context.GetFragment(name) is not { } fragment || !_inProgress.Add(name)) return 0;
            var cost = SelectionSet(TypeRelations.FromAst(context.Schema, fragment.TypeCondition), fragment.SelectionSet);
            _inProgress.Remove(name);
            _fragments[name] = cost;
            return cost;
        }

        private static long? ToLong(object? value) => value switch
        {
            int i => i,
            long l => l,
            double d => (long)Math.Ceiling(d),
            decimal m => (long)Math.Ceiling(m),
            string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
            _ => null,
        };
    }
}
