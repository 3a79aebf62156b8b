using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Validation.Rules;

/// <summary>
/// "Literal values must be compatible with the type expected in the position they are found as per the
/// coercion rules defined in the Type System chapter."
/// https://spec.graphql.org/October2021/#sec-Values-of-Correct-Type
/// A list or object literal in a position that cannot take it is reported once, not item by item.
/// </summary>
public sealed class ValuesOfCorrectTypeRule : ValidationRule
{
    /// <summary>A literal already reported as a whole: nothing inside it is checked.</summary>
    private ValueNode? _skipped;

    public override void EnterValue(ValueNode node)
    {
        if (_skipped is not null) return;
        var info = Context.TypeInfo;
        switch (node)
        {
            case ListValueNode:
                if (info.ParentInputType?.Nullable is not ListType) Reject(node);
                break;
            case ObjectValueNode obj:
                if (info.InputType?.NamedType is not InputObjectType type)
                {
                    Reject(node);
                    break;
                }
                foreach (var field in type.Fields)
                    if (field.Type.IsNonNull && !field.HasDefaultValue && !obj.Fields.Any(f => f.Name.Value == field.Name))
                        Context.ReportError(ValidationErrors.MissingInputField(obj, type, field));
                break;
            case NullValueNode:
                if (info.InputType is NonNullType nonNull) Context.ReportError(ValidationErrors.ExpectedValue(nonNull, node));
                break;
            case VariableNode:
                break; // VariablesInAllowedPosition checks variables.
            default:
                CheckLeaf(node);
                break;
        }
    }

    public override void LeaveValue(ValueNode node)
    {
        if (ReferenceEquals(node, _skipped)) _skipped = null;
    }

    public override void EnterObjectField(ObjectFieldNode node)
    {
        if (_skipped is not null) return;
        if (Context.TypeInfo.InputType is null && Context.TypeInfo.ParentInputType?.NamedType is InputObjectType parent)
            Context.ReportError(ValidationErrors.UnknownInputField(node, parent, Suggestions.For(node.Name.Value, parent.Fields.Select(f => f.Name))));
    }

    private void Reject(ValueNode node)
    {
        CheckLeaf(node);
        _skipped = node;
    }

    /// <summary>Asks the leaf type of the position to parse the literal, and reports its refusal.</summary>
    private void CheckLeaf(ValueNode node)
    {
        if (Context.TypeInfo.InputType is not { } locationType) return;
        switch (locationType.NamedType)
        {
            case EnumType enumType:
                if (node is not EnumValueNode e) Context.ReportError(ValidationErrors.NonEnumValue(enumType, node));
                else if (enumType.GetValue(e.Value) is null) Context.ReportError(ValidationErrors.UnknownEnumValue(enumType, node));
                break;
            case ScalarType scalar:
                try
                {
                    scalar.ParseLiteral(node);
                }
                catch (Exception ex) when (ex is CoercionException or FormatException or OverflowException or InvalidCastException)
                {
                    // A CoercionException is the engine's GraphQLError for coercion (graphql-js reports a
                    // scalar's GraphQLError as is), for built-in and custom scalars alike; other exceptions
                    // are unexpected failures and get graphql-js's "Expected value …; message" wrapping.
                    Context.ReportError(ex is CoercionException
                        ? ValidationErrors.ScalarRejected(ex.Message, node)
                        : ValidationErrors.ExpectedValue(locationType, node, ex.Message));
                }
                break;
            default:
                Context.ReportError(ValidationErrors.ExpectedValue(locationType, node));
                break;
        }
    }
}
