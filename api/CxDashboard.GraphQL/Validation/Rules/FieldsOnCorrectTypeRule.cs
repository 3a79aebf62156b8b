using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "The target field of a field selection must be defined on the scoped type of the selection set."
/// https://spec.graphql.org/October2021/#sec-Field-Selections
/// Suggests the types (of an interface or union) that do have the field, else similarly named fields.
/// </summary>
public sealed class FieldsOnCorrectTypeRule : ValidationRule
{
    public override void EnterField(FieldNode node)
    {
        if (Context.TypeInfo.ParentType is not { } parent || Context.TypeInfo.FieldDef is not null) return;
        var name = node.Name.Value;
        var types = SuggestedTypes(parent, name);
        var fields = types.Count == 0 && parent is ComplexType c ? Suggestions.For(name, c.Fields.Select(f => f.Name)) : [];
        Context.ReportError(ValidationErrors.UnknownField(node, parent, types, fields));
    }

    /// <summary>
    /// For an abstract type: its possible types (and their interfaces) that define the field, those used by
    /// more of the possible types first, super types before their sub types, then by name.
    /// </summary>
    private IReadOnlyList<string> SuggestedTypes(NamedType type, string fieldName)
    {
        if (!type.IsAbstractType) return [];
        var schema = Context.Schema;
        var suggested = new List<NamedType>();
        var usage = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var possible in schema.GetPossibleTypes(type))
        {
            if (possible.GetField(fieldName) is null) continue;
            if (!usage.ContainsKey(possible.Name)) suggested.Add(possible);
            usage[possible.Name] = 1;
            foreach (var iface in possible.Interfaces)
            {
                if (iface.GetField(fieldName) is null) continue;
                if (!usage.ContainsKey(iface.Name)) suggested.Add(iface);
                usage[iface.Name] = usage.GetValueOrDefault(iface.Name) + 1;
            }
        }
        suggested.Sort((a, b) =>
        {
            var diff = usage[b.Name] - usage[a.Name];
            if (diff != 0) return diff;
            if (a is InterfaceType && schema.IsSubType(a, b)) return -1;
            if (b is InterfaceType && schema.IsSubType(b, a)) return 1;
            return Suggestions.NaturalCompare(a.Name, b.Name);
        });
        return suggested.Select(t => t.Name).ToList();
    }
}
