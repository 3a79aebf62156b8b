using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;
using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Validation;

/// <summary>
/// Every validation message, in one place. The wording (and the nodes each error points at) is graphql-js
/// 16's, so the conformance suite can compare our errors with graphql-js's rule by rule.
/// </summary>
internal static class ValidationErrors
{
    // ---- documents and operations ----

    public static GraphQLError NotExecutable(Node definition, string? name) =>
        GraphQLError.At($"The {(name is null ? "schema" : "\"" + name + "\"")} definition is not executable.", definition);

    public static GraphQLError DuplicateOperationName(string name, NameNode first, NameNode second) =>
        GraphQLError.At($"There can be only one operation named \"{name}\".", first, second);

    public static GraphQLError AnonymousOperationNotAlone(OperationDefinitionNode operation) =>
        GraphQLError.At("This anonymous operation must be the only defined operation.", operation);

    public static GraphQLError SubscriptionNotSingleField(string? operationName, IEnumerable<FieldNode> extraFields) =>
        GraphQLError.At((operationName is null ? "Anonymous Subscription" : $"Subscription \"{operationName}\"")
            + " must select only one top level field.", extraFields.ToArray<Node>());

    public static GraphQLError SubscriptionIntrospectionField(string? operationName, IEnumerable<FieldNode> fields) =>
        GraphQLError.At((operationName is null ? "Anonymous Subscription" : $"Subscription \"{operationName}\"")
            + " must not select an introspection top level field.", fields.ToArray<Node>());

    // ---- types ----

    public static GraphQLError UnknownType(NamedTypeNode node, IReadOnlyList<string> suggestions) =>
        GraphQLError.At($"Unknown type \"{node.Name.Value}\"." + DidYouMean(suggestions), node);

    public static GraphQLError InlineFragmentOnNonComposite(NamedTypeNode typeCondition) =>
        GraphQLError.At($"Fragment cannot condition on non composite type \"{Printer.Print(typeCondition)}\".", typeCondition);

    public static GraphQLError FragmentOnNonComposite(string fragmentName, NamedTypeNode typeCondition) =>
        GraphQLError.At($"Fragment \"{fragmentName}\" cannot condition on non composite type \"{Printer.Print(typeCondition)}\".", typeCondition);

    public static GraphQLError VariableNotInputType(VariableDefinitionNode node) =>
        GraphQLError.At($"Variable \"${node.Variable.Name.Value}\" cannot be non-input type \"{Printer.Print(node.Type)}\".", node.Type);

    // ---- fields ----

    public static GraphQLError LeafFieldWithSelection(FieldNode field, GraphQLType type) =>
        GraphQLError.At($"Field \"{field.Name.Value}\" must not have a selection since type \"{type}\" has no subfields.", field.SelectionSet);

    public static GraphQLError CompositeFieldWithoutSelection(FieldNode field, GraphQLType type) =>
        GraphQLError.At($"Field \"{field.Name.Value}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{field.Name.Value} {{ ... }}\"?", field);

    public static GraphQLError UnknownField(FieldNode field, NamedType parentType, IReadOnlyList<string> suggestedTypes, IReadOnlyList<string> suggestedFields) =>
        GraphQLError.At($"Cannot query field \"{field.Name.Value}\" on type \"{parentType.Name}\"."
            + (suggestedTypes.Count > 0 ? DidYouMean("to use an inline fragment on", suggestedTypes) : DidYouMean(suggestedFields)), field);

    public static GraphQLError FieldsConflict(string responseName, ConflictReason reason, IEnumerable<FieldNode> fields1, IEnumerable<FieldNode> fields2) =>
        GraphQLError.At($"Fields \"{responseName}\" conflict because {reason.Describe()}. Use different aliases on the fields to fetch both if this was intentional.",
            fields1.Concat(fields2).ToArray<Node>());

    public static string DifferentFieldsReason(string name1, string name2) => $"\"{name1}\" and \"{name2}\" are different fields";

    public const string DifferingArgumentsReason = "they have differing arguments";

    public static string ConflictingTypesReason(GraphQLType type1, GraphQLType type2) => $"they return conflicting types \"{type1}\" and \"{type2}\"";

    /// <summary>"subfields "x" conflict because …" joined with " and ", as graphql-js nests reasons.</summary>
    public static string SubfieldsReason(IEnumerable<(string ResponseName, ConflictReason Reason)> reasons) =>
        string.Join(" and ", reasons.Select(r => $"subfields \"{r.ResponseName}\" conflict because {r.Reason.Describe()}"));

    // ---- fragments ----

    public static GraphQLError DuplicateFragmentName(string name, NameNode first, NameNode second) =>
        GraphQLError.At($"There can be only one fragment named \"{name}\".", first, second);

    public static GraphQLError UnknownFragment(FragmentSpreadNode spread) =>
        GraphQLError.At($"Unknown fragment \"{spread.Name.Value}\".", spread.Name);

    public static GraphQLError UnusedFragment(FragmentDefinitionNode fragment) =>
        GraphQLError.At($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);

    public static GraphQLError ImpossibleInlineSpread(InlineFragmentNode node, NamedType parentType, NamedType fragmentType) =>
        GraphQLError.At($"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".", node);

    public static GraphQLError ImpossibleFragmentSpread(FragmentSpreadNode node, NamedType parentType, NamedType fragmentType) =>
        GraphQLError.At($"Fragment \"{node.Name.Value}\" cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".", node);

    public static GraphQLError FragmentCycle(string spreadName, IReadOnlyList<FragmentSpreadNode> cyclePath)
    {
        var via = string.Join(", ", cyclePath.Take(cyclePath.Count - 1).Select(s => "\"" + s.Name.Value + "\""));
        return GraphQLError.At($"Cannot spread fragment \"{spreadName}\" within itself" + (via.Length > 0 ? $" via {via}." : "."), cyclePath.ToArray<Node>());
    }

    // ---- variables ----

    public static GraphQLError DuplicateVariable(string name, IEnumerable<VariableDefinitionNode> definitions) =>
        GraphQLError.At($"There can be only one variable named \"${name}\".", definitions.Select(d => d.Variable.Name).ToArray<Node>());

    public static GraphQLError UndefinedVariable(VariableNode usage, OperationDefinitionNode operation) =>
        GraphQLError.At(operation.Name is null
            ? $"Variable \"${usage.Name.Value}\" is not defined."
            : $"Variable \"${usage.Name.Value}\" is not defined by operation \"{operation.Name.Value}\".", usage, operation);

    public static GraphQLError UnusedVariable(VariableDefinitionNode definition, OperationDefinitionNode operation) =>
        GraphQLError.At(operation.Name is null
            ? $"Variable \"${definition.Variable.Name.Value}\" is never used."
            : $"Variable \"${definition.Variable.Name.Value}\" is never used in operation \"{operation.Name.Value}\".", definition);

    public static GraphQLError VariableInWrongPosition(VariableDefinitionNode definition, VariableNode usage, GraphQLType variableType, GraphQLType locationType) =>
        GraphQLError.At($"Variable \"${usage.Name.Value}\" of type \"{variableType}\" used in position expecting type \"{locationType}\".", definition, usage);

    // ---- directives ----

    public static GraphQLError UnknownDirective(DirectiveNode node) =>
        GraphQLError.At($"Unknown directive \"@{node.Name.Value}\".", node);

    public static GraphQLError MisplacedDirective(DirectiveNode node, DirectiveLocation location) =>
        GraphQLError.At($"Directive \"@{node.Name.Value}\" may not be used on {LocationName(location)}.", node);

    public static GraphQLError DuplicateDirective(string name, DirectiveNode first, DirectiveNode second) =>
        GraphQLError.At($"The directive \"@{name}\" can only be used once at this location.", first, second);

    // ---- arguments ----

    public static GraphQLError UnknownFieldArgument(ArgumentNode node, NamedType parentType, FieldDefinition field, IReadOnlyList<string> suggestions) =>
        GraphQLError.At($"Unknown argument \"{node.Name.Value}\" on field \"{parentType.Name}.{field.Name}\"." + DidYouMean(suggestions), node);

    public static GraphQLError UnknownDirectiveArgument(ArgumentNode node, string directiveName, IReadOnlyList<string> suggestions) =>
        GraphQLError.At($"Unknown argument \"{node.Name.Value}\" on directive \"@{directiveName}\"." + DidYouMean(suggestions), node);

    public static GraphQLError DuplicateArgument(string name, IEnumerable<ArgumentNode> arguments) =>
        GraphQLError.At($"There can be only one argument named \"{name}\".", arguments.Select(a => a.Name).ToArray<Node>());

    public static GraphQLError MissingFieldArgument(FieldNode field, FieldDefinition definition, InputValueDefinition argument) =>
        GraphQLError.At($"Field \"{definition.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.", field);

    public static GraphQLError MissingDirectiveArgument(DirectiveNode directive, InputValueDefinition argument) =>
        GraphQLError.At($"Directive \"@{directive.Name.Value}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.", directive);

    // ---- values ----

    public static GraphQLError ExpectedValue(GraphQLType type, ValueNode value) =>
        GraphQLError.At($"Expected value of type \"{type}\", found {Printer.Print(value)}.", value);

    /// <summary>A custom scalar refused the literal (graphql-js appends the scalar's own message).</summary>
    public static GraphQLError ExpectedValue(GraphQLType type, ValueNode value, string reason) =>
        GraphQLError.At($"Expected value of type \"{type}\", found {Printer.Print(value)}; {reason}", value);

    /// <summary>A built-in scalar refused the literal: graphql-js reports the scalar's message as is.</summary>
    public static GraphQLError ScalarRejected(string scalarMessage, ValueNode value) => GraphQLError.At(scalarMessage, value);

    public static GraphQLError NonEnumValue(EnumType type, ValueNode value)
    {
        var shown = Printer.Print(value);
        return GraphQLError.At($"Enum \"{type.Name}\" cannot represent non-enum value: {shown}."
            + DidYouMean("the enum value", Suggestions.For(shown, type.Values.Select(v => v.Name))), value);
    }

    public static GraphQLError UnknownEnumValue(EnumType type, ValueNode value)
    {
        var shown = Printer.Print(value);
        return GraphQLError.At($"Value \"{shown}\" does not exist in \"{type.Name}\" enum."
            + DidYouMean("the enum value", Suggestions.For(shown, type.Values.Select(v => v.Name))), value);
    }

    public static GraphQLError MissingInputField(ObjectValueNode value, InputObjectType type, InputValueDefinition field) =>
        GraphQLError.At($"Field \"{type.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", value);

    public static GraphQLError UnknownInputField(ObjectFieldNode field, InputObjectType type, IReadOnlyList<string> suggestions) =>
        GraphQLError.At($"Field \"{field.Name.Value}\" is not defined by type \"{type.Name}\"." + DidYouMean(suggestions), field);

    public static GraphQLError DuplicateInputField(string name, NameNode first, NameNode second) =>
        GraphQLError.At($"There can be only one input field named \"{name}\".", first, second);

    // ---- limits (the service's own, not graphql-js's) ----

    public static GraphQLError TooManyErrors() =>
        new("Too many validation errors, error limit reached. Validation aborted.");

    public static GraphQLError DocumentTooLong(int length, int max) =>
        new($"The document is {length} characters long, which exceeds the maximum length of {max} characters.");

    public static GraphQLError NestedTooDeeply(Node at, long depth, int max) =>
        GraphQLError.At($"The document nests {depth} levels deep (selection sets, lists, input objects and list types, fragments expanded), more than the limit of {max}.", at);

    public static GraphQLError TooDeep(OperationDefinitionNode operation, Node at, int depth, int max) =>
        GraphQLError.At($"{OperationLabel(operation)} has a depth of {depth}, which exceeds the maximum depth of {max}.", at);

    public static GraphQLError TooManyNodes(OperationDefinitionNode operation, long nodes, int max) =>
        GraphQLError.At($"{OperationLabel(operation)} selects {nodes} fields, which exceeds the maximum of {max} fields.", operation);

    public static GraphQLError TooManyAliases(OperationDefinitionNode operation, long aliases, int max) =>
        GraphQLError.At($"{OperationLabel(operation)} uses {aliases} aliases, which exceeds the maximum of {max} aliases.", operation);

    public static GraphQLError TooCostly(OperationDefinitionNode operation, long cost, int max) =>
        new($"{OperationLabel(operation)} has an estimated cost of {cost}, which exceeds the maximum cost of {max}.", [operation.Location],
            extensions: new Dictionary<string, object?> { ["code"] = "COST_LIMIT_EXCEEDED", ["cost"] = cost, ["maxCost"] = max });

    private static string OperationLabel(OperationDefinitionNode operation) =>
        operation.Name is null ? "The anonymous operation" : $"Operation \"{operation.Name.Value}\"";

    // ---- helpers ----

    /// <summary>graphql-js's didYouMean: at most five quoted suggestions, "a, b, or c".</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions) => DidYouMean(null, suggestions);

    public static string DidYouMean(string? subMessage, IReadOnlyList<string> suggestions)
    {
        if (suggestions.Count == 0) return "";
        var message = " Did you mean " + (subMessage is null ? "" : subMessage + " ");
        var quoted = suggestions.Take(5).Select(s => "\"" + s + "\"").ToList();
        return quoted.Count switch
        {
            1 => message + quoted[0] + "?",
            2 => message + quoted[0] + " or " + quoted[1] + "?",
            _ => message + string.Join(", ", quoted.Take(quoted.Count - 1)) + ", or " + quoted[^1] + "?",
        };
    }

    /// <summary>The __DirectiveLocation name graphql-js prints (FIELD, FRAGMENT_SPREAD, …).</summary>
    public static string LocationName(DirectiveLocation location) => location switch
    {
        DirectiveLocation.Query => "QUERY",
        DirectiveLocation.Mutation => "MUTATION",
        DirectiveLocation.Subscription => "SUBSCRIPTION",
        DirectiveLocation.Field => "FIELD",
        DirectiveLocation.FragmentDefinition => "FRAGMENT_DEFINITION",
        DirectiveLocation.FragmentSpread => "FRAGMENT_SPREAD",
        DirectiveLocation.InlineFragment => "INLINE_FRAGMENT",
        DirectiveLocation.VariableDefinition => "VARIABLE_DEFINITION",
        DirectiveLocation.Schema => "SCHEMA",
        DirectiveLocation.Scalar => "SCALAR",
        DirectiveLocation.Object => "OBJECT",
        DirectiveLocation.FieldDefinition => "FIELD_DEFINITION",
        DirectiveLocation.ArgumentDefinition => "ARGUMENT_DEFINITION",
        DirectiveLocation.Interface => "INTERFACE",
        DirectiveLocation.Union => "UNION",
        DirectiveLocation.Enum => "ENUM",
        DirectiveLocation.EnumValue => "ENUM_VALUE",
        DirectiveLocation.InputObject => "INPUT_OBJECT",
        _ => "INPUT_FIELD_DEFINITION",
    };
}
