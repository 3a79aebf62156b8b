using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Validation;

/// <summary>
/// The single traversal of a document that serves every rule: visits nodes in graphql-js's order, keeps
/// <see cref="TypeInfo"/> current (entered before the rules see a node, left after), records variable
/// usages, and calls each rule's hooks in rule order. Each enter/leave is one numbered event so errors
/// can be ordered as graphql-js (whose visitor runs the rules in parallel) orders them.
/// </summary>
internal sealed class DocumentWalker(ValidationContext context, IReadOnlyList<ValidationRule> rules)
{
    private readonly TypeInfo _typeInfo = context.TypeInfo;
    private bool _inVariableDefinition;

    public void Walk(DocumentNode document)
    {
        Each(document, static (r, n) => r.EnterDocument(n));
        foreach (var definition in document.Definitions)
            switch (definition)
            {
                case OperationDefinitionNode op: WalkOperation(op); break;
                case FragmentDefinitionNode fragment: WalkFragment(fragment); break;
                // Type-system definitions are reported by ExecutableDefinitions and not visited further.
            }
        context.WalkComplete = true;
        Each(document, static (r, n) => r.LeaveDocument(n));
    }

    private void WalkOperation(OperationDefinitionNode op)
    {
        context.BeginDefinition(op);
        _typeInfo.EnterOperation(op);
        Each(op, static (r, n) => r.EnterOperation(n));
        foreach (var v in op.VariableDefinitions) WalkVariableDefinition(v);
        WalkDirectives(op.Directives, op.Operation switch
        {
            OperationType.Query => DirectiveLocation.Query,
            OperationType.Mutation => DirectiveLocation.Mutation,
            _ => DirectiveLocation.Subscription,
        });
        WalkSelectionSet(op.SelectionSet);
        Each(op, static (r, n) => r.LeaveOperation(n));
        _typeInfo.LeaveTypeScope();
        context.EndDefinition();
    }

    private void WalkVariableDefinition(VariableDefinitionNode node)
    {
        _typeInfo.EnterVariableDefinition(node);
        _inVariableDefinition = true;
        Each(node, static (r, n) => r.EnterVariableDefinition(n));
        WalkType(node.Type);
        if (node.DefaultValue is { } d) WalkValue(d);
        WalkDirectives(node.Directives, DirectiveLocation.VariableDefinition);
        _inVariableDefinition = false;
        context.CurrentEvent++;
        _typeInfo.LeaveVariableDefinition();
    }

    private void WalkFragment(FragmentDefinitionNode fragment)
    {
        context.BeginDefinition(fragment);
        _typeInfo.EnterFragmentDefinition(fragment);
        Each(fragment, static (r, n) => r.EnterFragmentDefinition(n));
        WalkType(fragment.TypeCondition);
        WalkDirectives(fragment.Directives, DirectiveLocation.FragmentDefinition);
        WalkSelectionSet(fragment.SelectionSet);
        Each(fragment, static (r, n) => r.LeaveFragmentDefinition(n));
        _typeInfo.LeaveTypeScope();
        context.EndDefinition();
    }

    private void WalkSelectionSet(SelectionSetNode set)
    {
        _typeInfo.EnterSelectionSet();
        Each(set, static (r, n) => r.EnterSelectionSet(n));
        foreach (var selection in set.Selections)
            switch (selection)
            {
                case FieldNode f: WalkField(f); break;
                case FragmentSpreadNode s:
                    Each(s, static (r, n) => r.EnterFragmentSpread(n));
                    WalkDirectives(s.Directives, DirectiveLocation.FragmentSpread);
                    context.CurrentEvent++;
                    break;
                case InlineFragmentNode i:
                    _typeInfo.EnterInlineFragment(i);
                    Each(i, static (r, n) => r.EnterInlineFragment(n));
                    if (i.TypeCondition is { } t) WalkType(t);
                    WalkDirectives(i.Directives, DirectiveLocation.InlineFragment);
                    WalkSelectionSet(i.SelectionSet);
                    context.CurrentEvent++;
                    _typeInfo.LeaveTypeScope();
                    break;
            }
        context.CurrentEvent++;
        _typeInfo.LeaveSelectionSet();
    }

    private void WalkField(FieldNode field)
    {
        _typeInfo.EnterField(field);
        Each(field, static (r, n) => r.EnterField(n));
        foreach (var a in field.Arguments) WalkArgument(a);
        WalkDirectives(field.Directives, DirectiveLocation.Field);
        if (field.SelectionSet is { } set) WalkSelectionSet(set);
        Each(field, static (r, n) => r.LeaveField(n));
        _typeInfo.LeaveField();
    }

    private void WalkDirectives(IReadOnlyList<DirectiveNode> directives, DirectiveLocation location)
    {
        foreach (var directive in directives)
        {
            context.DirectiveLocation = location;
            _typeInfo.EnterDirective(directive);
            Each(directive, static (r, n) => r.EnterDirective(n));
            foreach (var a in directive.Arguments) WalkArgument(a);
            context.DirectiveLocation = location;
            Each(directive, static (r, n) => r.LeaveDirective(n));
            _typeInfo.LeaveDirective();
        }
    }

    private void WalkArgument(ArgumentNode argument)
    {
        _typeInfo.EnterArgument(argument);
        Each(argument, static (r, n) => r.EnterArgument(n));
        WalkValue(argument.Value);
        context.CurrentEvent++;
        _typeInfo.LeaveArgument();
    }

    private void WalkValue(ValueNode value)
    {
        switch (value)
        {
            case ListValueNode list:
                _typeInfo.EnterListValue();
                Each<ValueNode>(list, static (r, n) => r.EnterValue(n));
                foreach (var item in list.Values) WalkValue(item);
                Each<ValueNode>(list, static (r, n) => r.LeaveValue(n));
                _typeInfo.LeaveListValue();
                break;
            case ObjectValueNode obj:
                Each<ValueNode>(obj, static (r, n) => r.EnterValue(n));
                foreach (var field in obj.Fields)
                {
                    _typeInfo.EnterObjectField(field);
                    Each(field, static (r, n) => r.EnterObjectField(n));
                    WalkValue(field.Value);
                    context.CurrentEvent++;
                    _typeInfo.LeaveObjectField();
                }
                Each<ValueNode>(obj, static (r, n) => r.LeaveValue(n));
                break;
            case VariableNode variable:
                if (!_inVariableDefinition) context.AddVariableUsage(variable);
                Each<ValueNode>(variable, static (r, n) => r.EnterValue(n));
                break;
            default:
                Each(value, static (r, n) => r.EnterValue(n));
                break;
        }
    }

    private void WalkType(TypeNode type)
    {
        switch (type)
        {
            case NamedTypeNode named: Each(named, static (r, n) => r.EnterNamedType(n)); break;
            case ListTypeNode list: WalkType(list.Type); break;
            case NonNullTypeNode nonNull: WalkType(nonNull.Type); break;
        }
    }

    /// <summary>One event: every rule's hook for <paramref name="node"/>, in rule order.</summary>
    private void Each<T>(T node, Action<ValidationRule, T> hook)
    {
        context.CurrentEvent++;
        for (var i = 0; i < rules.Count; i++)
        {
            context.CurrentRule = i;
            hook(rules[i], node);
        }
    }
}
