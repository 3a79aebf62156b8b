using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Validation;

/// <summary>
/// What the schema says about the node the walker is at: the parent composite type of the selection set,
/// the field and its output type, the directive and argument, the input type and default value of the
/// value being visited. Maintained once per traversal and read by every rule (graphql-js's TypeInfo).
/// Unknown names yield null, never an exception: other rules report them.
/// </summary>
public sealed class TypeInfo(Schema schema)
{
    private readonly List<GraphQLType?> _typeStack = [];
    private readonly List<NamedType?> _parentTypeStack = [];
    private readonly List<FieldDefinition?> _fieldDefStack = [];
    private readonly List<GraphQLType?> _inputTypeStack = [];
    private readonly List<ValueNode?> _defaultValueStack = [];

    /// <summary>The output type of the current field, operation root or fragment.</summary>
    public GraphQLType? Type => Top(_typeStack);

    /// <summary>The composite type whose fields the current selection set selects.</summary>
    public NamedType? ParentType => Top(_parentTypeStack);

    /// <summary>The definition of the field being visited.</summary>
    public FieldDefinition? FieldDef => Top(_fieldDefStack);

    /// <summary>The type the value being visited must have.</summary>
    public GraphQLType? InputType => Top(_inputTypeStack);

    /// <summary>The input type of the enclosing value (the list type of a list item, the input object of a field).</summary>
    public GraphQLType? ParentInputType => _inputTypeStack.Count >= 2 ? _inputTypeStack[^2] : null;

    /// <summary>The default value of the argument or input field being visited (null inside lists).</summary>
    public ValueNode? DefaultValue => Top(_defaultValueStack);

    public DirectiveDefinition? Directive { get; private set; }
    public InputValueDefinition? Argument { get; private set; }

    public void EnterOperation(OperationDefinitionNode node) => _typeStack.Add(schema.GetRootType(node.Operation));

    public void EnterFragmentDefinition(FragmentDefinitionNode node) => EnterTypeCondition(node.TypeCondition);

    public void EnterInlineFragment(InlineFragmentNode node) => EnterTypeCondition(node.TypeCondition);

    private void EnterTypeCondition(NamedTypeNode? condition)
    {
        var type = condition is null ? Type?.NamedType : TypeRelations.FromAst(schema, condition);
        _typeStack.Add(type is { IsOutputType: true } ? type : null);
    }

    public void LeaveTypeScope() => Pop(_typeStack);

    public void EnterSelectionSet()
    {
        var named = Type?.NamedType;
        _parentTypeStack.Add(named is { IsCompositeType: true } ? named : null);
    }

    public void LeaveSelectionSet() => Pop(_parentTypeStack);

    public void EnterField(FieldNode node)
    {
        var parent = ParentType;
        var def = parent is null ? null : schema.GetFieldDefinition(parent, node.Name.Value);
        _fieldDefStack.Add(def);
        _typeStack.Add(def?.Type is { IsOutputType: true } t ? t : null);
    }

    public void LeaveField()
    {
        Pop(_fieldDefStack);
        Pop(_typeStack);
    }

    public void EnterDirective(DirectiveNode node) => Directive = schema.GetDirective(node.Name.Value);

    public void LeaveDirective() => Directive = null;

    public void EnterVariableDefinition(VariableDefinitionNode node)
    {
        var type = TypeRelations.FromAst(schema, node.Type);
        _inputTypeStack.Add(type is { IsInputType: true } ? type : null);
    }

    public void LeaveVariableDefinition() => Pop(_inputTypeStack);

    public void EnterArgument(ArgumentNode node)
    {
        var def = Directive is { } d ? d.GetArgument(node.Name.Value) : FieldDef?.GetArgument(node.Name.Value);
        Argument = def;
        _defaultValueStack.Add(def?.DefaultValue);
        _inputTypeStack.Add(def?.Type is { IsInputType: true } t ? t : null);
    }

    public void LeaveArgument()
    {
        Argument = null;
        Pop(_defaultValueStack);
        Pop(_inputTypeStack);
    }

    public void EnterListValue()
    {
        var listType = InputType?.Nullable;
        var itemType = listType is ListType l ? l.OfType : listType;
        _defaultValueStack.Add(null);
        _inputTypeStack.Add(itemType is { IsInputType: true } ? itemType : null);
    }

    public void LeaveListValue()
    {
        Pop(_defaultValueStack);
        Pop(_inputTypeStack);
    }

    public void EnterObjectField(ObjectFieldNode node)
    {
        var field = InputType?.NamedType is InputObjectType o ? o.GetField(node.Name.Value) : null;
        _defaultValueStack.Add(field?.DefaultValue);
        _inputTypeStack.Add(field?.Type is { IsInputType: true } t ? t : null);
    }

    public void LeaveObjectField()
    {
        Pop(_defaultValueStack);
        Pop(_inputTypeStack);
    }

    private static T? Top<T>(List<T?> stack) where T : class => stack.Count > 0 ? stack[^1] : null;

    private static void Pop<T>(List<T> stack) => stack.RemoveAt(stack.Count - 1);
}
