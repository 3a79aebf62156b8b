using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "Field selections on scalars or enums are never allowed, because they are the leaf nodes of any GraphQL
/// operation." Conversely, leaf field selections on objects, interfaces, and unions without subfields are
/// disallowed.
/// https://spec.graphql.org/October2021/#sec-Leaf-Field-Selections
/// </summary>
public sealed class ScalarLeafsRule : ValidationRule
{
    public override void EnterField(FieldNode node)
    {
        if (Context.TypeInfo.Type is not { } type) return;
        if (type.NamedType.IsLeafType)
        {
            if (node.SelectionSet is not null) Context.ReportError(ValidationErrors.LeafFieldWithSelection(node, type));
        }
        else if (node.SelectionSet is null)
        {
            Context.ReportError(ValidationErrors.CompositeFieldWithoutSelection(node, type));
        }
    }
}
