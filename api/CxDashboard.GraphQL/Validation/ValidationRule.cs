using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Validation;

/// <summary>
/// One validation rule. A fresh instance serves one validation run, so rules may keep state in fields.
/// The walker calls the hooks in document order (enter before children, leave after) while
/// <see cref="ValidationContext.TypeInfo"/> describes the current node; rules report through
/// <see cref="ValidationContext.ReportError"/>.
/// </summary>
public abstract class ValidationRule
{
    /// <summary>Set by the validator before the walk starts.</summary>
    protected internal ValidationContext Context { get; internal set; } = null!;

    public virtual void EnterDocument(DocumentNode node) { }
    public virtual void LeaveDocument(DocumentNode node) { }
    public virtual void EnterOperation(OperationDefinitionNode node) { }
    public virtual void LeaveOperation(OperationDefinitionNode node) { }
    public virtual void EnterVariableDefinition(VariableDefinitionNode node) { }
    public virtual void EnterFragmentDefinition(FragmentDefinitionNode node) { }
    public virtual void LeaveFragmentDefinition(FragmentDefinitionNode node) { }
    public virtual void EnterSelectionSet(SelectionSetNode node) { }
    public virtual void EnterField(FieldNode node) { }
    public virtual void LeaveField(FieldNode node) { }
    public virtual void EnterFragmentSpread(FragmentSpreadNode node) { }
    public virtual void EnterInlineFragment(InlineFragmentNode node) { }
    public virtual void EnterDirective(DirectiveNode node) { }
    public virtual void LeaveDirective(DirectiveNode node) { }
    public virtual void EnterArgument(ArgumentNode node) { }
    public virtual void EnterNamedType(NamedTypeNode node) { }

    /// <summary>Every value node below an argument or a variable's default value (lists, objects, variables, literals).</summary>
    public virtual void EnterValue(ValueNode node) { }
    public virtual void LeaveValue(ValueNode node) { }
    public virtual void EnterObjectField(ObjectFieldNode node) { }
}
