using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Tests.Language;

public class ParserTests
{
    private static void AssertError(string source, string message, int line, int column, ParserOptions? options = null)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source, options)).Error;
        Assert.Equal("Syntax Error: " + message, error.Message);
        Assert.Equal([new SourceLocation(line, column)], error.Locations!);
    }

    [Fact]
    public void Shorthand_selection_set_is_an_anonymous_query()
    {
        var document = Parser.Parse("{ hero { name } }");
        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Null(operation.Name);
        Assert.Empty(operation.VariableDefinitions);
        var hero = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal("hero", hero.Name.Value);
        Assert.Equal("name", Assert.IsType<FieldNode>(Assert.Single(hero.SelectionSet!.Selections)).Name.Value);
    }

    [Fact]
    public void Named_operations_of_every_type_with_variables_defaults_and_directives()
    {
        var document = Parser.Parse("""
            query Q($id: ID!, $first: Int = 10 @deprecated, $tags: [String!] = ["a", "b"]) @live { a }
            mutation M { b }
            subscription S @sub(x: 1) { c }
            """);
        var operations = document.Definitions.Cast<OperationDefinitionNode>().ToList();
        Assert.Equal([OperationType.Query, OperationType.Mutation, OperationType.Subscription], operations.Select(o => o.Operation));
        Assert.Equal(["Q", "M", "S"], operations.Select(o => o.Name!.Value));

        var variables = operations[0].VariableDefinitions;
        Assert.Equal(["id", "first", "tags"], variables.Select(v => v.Variable.Name.Value));
        var idType = Assert.IsType<NonNullTypeNode>(variables[0].Type);
        Assert.Equal("ID", Assert.IsType<NamedTypeNode>(idType.Type).Name.Value);
        Assert.Null(variables[0].DefaultValue);
        Assert.Equal("10", Assert.IsType<IntValueNode>(variables[1].DefaultValue).Value);
        Assert.Equal("deprecated", Assert.Single(variables[1].Directives).Name.Value);
        var listType = Assert.IsType<ListTypeNode>(variables[2].Type);
        Assert.IsType<NonNullTypeNode>(listType.Type);
        Assert.Equal(["a", "b"], Assert.IsType<ListValueNode>(variables[2].DefaultValue).Values.Cast<StringValueNode>().Select(s => s.Value));
        Assert.Equal("live", Assert.Single(operations[0].Directives).Name.Value);
        var sub = Assert.Single(operations[2].Directives);
        Assert.Equal(("x", "1"), (sub.Arguments[0].Name.Value, ((IntValueNode)sub.Arguments[0].Value).Value));
    }

    [Fact]
    public void Fields_with_aliases_arguments_directives_and_nested_selections()
    {
        var document = Parser.Parse("{ smallPic: profilePic(size: 64, crop: true) @include(if: $big) { url } plain }");
        var selections = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections;
        var pic = Assert.IsType<FieldNode>(selections[0]);
        Assert.Equal(("smallPic", "profilePic", "smallPic"), (pic.Alias!.Value, pic.Name.Value, pic.ResponseKey));
        Assert.Equal(["size", "crop"], pic.Arguments.Select(a => a.Name.Value));
        Assert.True(Assert.IsType<BooleanValueNode>(pic.Arguments[1].Value).Value);
        var include = Assert.Single(pic.Directives);
        Assert.Equal("big", Assert.IsType<VariableNode>(include.Arguments[0].Value).Name.Value);
        Assert.NotNull(pic.SelectionSet);
        var plain = Assert.IsType<FieldNode>(selections[1]);
        Assert.Equal(("plain", null), (plain.ResponseKey, plain.Alias));
        Assert.Null(plain.SelectionSet);
    }

    [Fact]
    public void Every_value_kind_parses_into_its_node()
    {
        var value = Assert.IsType<ObjectValueNode>(Parser.ParseValue(
            "{int: -12, float: 1.5e3, str: \"s\\n\", block: \"\"\" b \"\"\", t: true, f: false, n: null, e: RED, v: $var, list: [1, [2]], obj: {}}"));
        var fields = value.Fields.ToDictionary(f => f.Name.Value, f => f.Value);
        Assert.Equal("-12", Assert.IsType<IntValueNode>(fields["int"]).Value);
        Assert.Equal("1.5e3", Assert.IsType<FloatValueNode>(fields["float"]).Value);
        Assert.Equal(("s\n", false), (((StringValueNode)fields["str"]).Value, ((StringValueNode)fields["str"]).Block));
        Assert.Equal((" b ", true), (((StringValueNode)fields["block"]).Value, ((StringValueNode)fields["block"]).Block));
        Assert.True(Assert.IsType<BooleanValueNode>(fields["t"]).Value);
        Assert.False(Assert.IsType<BooleanValueNode>(fields["f"]).Value);
        Assert.IsType<NullValueNode>(fields["n"]);
        Assert.Equal("RED", Assert.IsType<EnumValueNode>(fields["e"]).Value);
        Assert.Equal("var", Assert.IsType<VariableNode>(fields["v"]).Name.Value);
        var list = Assert.IsType<ListValueNode>(fields["list"]);
        Assert.IsType<ListValueNode>(list.Values[1]);
        Assert.Empty(Assert.IsType<ObjectValueNode>(fields["obj"]).Fields);
        Assert.Empty(Assert.IsType<ListValueNode>(Parser.ParseValue("[]")).Values);
    }

    [Fact]
    public void Fragments_spreads_and_inline_fragments_with_and_without_type_conditions()
    {
        var document = Parser.Parse("""
            query { ...Friends @skip(if: false) ... on User { id } ... @include(if: true) { name } ... { bare } }
            fragment Friends on User @frag { friends { id } }
            """);
        var selections = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections;
        var spread = Assert.IsType<FragmentSpreadNode>(selections[0]);
        Assert.Equal(("Friends", "skip"), (spread.Name.Value, spread.Directives[0].Name.Value));
        var onUser = Assert.IsType<InlineFragmentNode>(selections[1]);
        Assert.Equal("User", onUser.TypeCondition!.Name.Value);
        var noType = Assert.IsType<InlineFragmentNode>(selections[2]);
        Assert.Null(noType.TypeCondition);
        Assert.Equal("include", noType.Directives[0].Name.Value);
        Assert.Null(Assert.IsType<InlineFragmentNode>(selections[3]).TypeCondition);
        var fragment = Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]);
        Assert.Equal(("Friends", "User", "frag"), (fragment.Name.Value, fragment.TypeCondition.Name.Value, fragment.Directives[0].Name.Value));
    }

    [Fact]
    public void Keywords_are_ordinary_names_where_a_name_is_expected()
    {
        var document = Parser.Parse("query query($query: query = query) { query: mutation(fragment: on, true: false) ... on on { on } ...fragment } fragment fragment on subscription { null }");
        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal("query", operation.Name!.Value);
        Assert.Equal("query", Assert.IsType<EnumValueNode>(operation.VariableDefinitions[0].DefaultValue).Value);
        var field = (FieldNode)operation.SelectionSet.Selections[0];
        Assert.Equal(("query", "mutation"), (field.Alias!.Value, field.Name.Value));
        Assert.Equal("on", Assert.IsType<EnumValueNode>(field.Arguments[0].Value).Value);
        Assert.False(Assert.IsType<BooleanValueNode>(field.Arguments[1].Value).Value);
        Assert.Equal("on", ((InlineFragmentNode)operation.SelectionSet.Selections[1]).TypeCondition!.Name.Value);
        Assert.Equal("fragment", ((FragmentSpreadNode)operation.SelectionSet.Selections[2]).Name.Value);
    }

    [Fact]
    public void Nodes_carry_line_column_and_offsets_of_their_first_and_last_tokens()
    {
        const string source = "query Q {\n  user(id: 4) {\n    name\n  }\n}";
        var document = Parser.Parse(source);
        var operation = (OperationDefinitionNode)document.Definitions[0];
        var user = (FieldNode)operation.SelectionSet.Selections[0];
        Assert.Equal(new SourceLocation(2, 3), user.Location);
        Assert.Equal("user(id: 4) {\n    name\n  }", source[user.Start..user.End]);
        Assert.Equal(new SourceLocation(2, 8), user.Arguments[0].Location);
        Assert.Equal("id: 4", source[user.Arguments[0].Start..user.Arguments[0].End]);
        Assert.Equal(new SourceLocation(3, 5), user.SelectionSet!.Selections[0].Location);
        Assert.Equal((0, source.Length), (operation.Start, operation.End));
        Assert.Same(source, document.Source);
    }

    [Theory]
    [InlineData("", "Unexpected <EOF>.", 1, 1)]
    [InlineData("  # only a comment\n", "Unexpected <EOF>.", 2, 1)]
    [InlineData("{", "Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{}", "Expected Name, found \"}\".", 1, 2)]
    [InlineData("query", "Expected \"{\", found <EOF>.", 1, 6)]
    [InlineData("{ ...MissingOn }\nfragment MissingOn Type", "Expected \"on\", found Name \"Type\".", 2, 20)]
    [InlineData("{ field: {} }", "Expected Name, found \"{\".", 1, 10)]
    [InlineData("notAnOperation Foo { field }", "Unexpected Name \"notAnOperation\".", 1, 1)]
    [InlineData("...", "Unexpected \"...\".", 1, 1)]
    [InlineData("{ \"\" }", "Expected Name, found String \"\".", 1, 3)]
    [InlineData("{ f(a: \"\"\"x\"\"\" b) }", "Expected \":\", found \")\".", 1, 17)]
    [InlineData("query Foo($x: Complex = { a: { b: [ $var ] } }) { field }", "Unexpected variable \"$var\" in constant value.", 1, 37)]
    [InlineData("query Foo($x: Int = $) { field }", "Unexpected \"$\".", 1, 21)]
    [InlineData("fragment on on on { on }", "Unexpected Name \"on\".", 1, 10)]
    [InlineData("{ ...on }", "Expected Name, found \"}\".", 1, 9)]
    [InlineData("{ f() }", "Expected Name, found \")\".", 1, 5)]
    [InlineData("{ f(a) }", "Expected \":\", found \")\".", 1, 6)]
    [InlineData("{ f(a: ) }", "Unexpected \")\".", 1, 8)]
    [InlineData("{ f(a: [1, 2) }", "Unexpected \")\".", 1, 13)]
    [InlineData("{ f(a: {b 1}) }", "Expected \":\", found Int \"1\".", 1, 11)]
    [InlineData("query($a) { f }", "Expected \":\", found \")\".", 1, 9)]
    [InlineData("query($a: [Int) { f }", "Expected \"]\", found \")\".", 1, 15)]
    [InlineData("query($a: Int!!) { f }", "Expected \"$\", found \"!\".", 1, 15)]
    [InlineData("query Q @ { f }", "Expected Name, found \"{\".", 1, 11)]
    [InlineData("\"described\" query { f }", "Unexpected description, descriptions are supported only on type definitions.", 1, 1)]
    [InlineData("\"described\" { f }", "Unexpected \"{\".", 1, 13)]
    [InlineData("{ f }\n}", "Unexpected \"}\".", 2, 1)]
    [InlineData("{ f } 1", "Unexpected Int \"1\".", 1, 7)]
    [InlineData("{ f(a: 00) }", "Invalid number, unexpected digit after 0: \"0\".", 1, 9)]
    public void Syntax_errors_name_what_was_expected_and_where(string source, string message, int line, int column) =>
        AssertError(source, message, line, column);

    [Fact]
    public void Token_limit_stops_oversized_documents_with_a_clear_error()
    {
        var limit = new ParserOptions { MaxTokens = 4 };
        AssertError("{ a b c }", "Document contains more than 4 tokens. Parsing aborted.", 1, 9, limit);
        Assert.Single(Parser.Parse("{ a b c }", new ParserOptions { MaxTokens = 5 }).Definitions);
        Assert.Single(Parser.Parse("{ a b c }").Definitions);
    }

    [Fact]
    public void Parse_type_reads_named_list_and_non_null_references()
    {
        var type = Assert.IsType<NonNullTypeNode>(Parser.ParseType("[[Int!]]!"));
        var outer = Assert.IsType<ListTypeNode>(type.Type);
        var inner = Assert.IsType<ListTypeNode>(outer.Type);
        Assert.Equal("Int", Assert.IsType<NamedTypeNode>(Assert.IsType<NonNullTypeNode>(inner.Type).Type).Name.Value);
        Assert.Equal("Extra", Assert.IsType<NamedTypeNode>(Parser.ParseType(" Extra ")).Name.Value);
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseType("Int Int")).Error;
        Assert.Equal("Syntax Error: Expected <EOF>, found Name \"Int\".", error.Message);
        Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseType("[Int"));
    }

    [Fact]
    public void Parse_const_value_rejects_variables_that_parse_value_accepts()
    {
        Assert.IsType<VariableNode>(Assert.IsType<ListValueNode>(Parser.ParseValue("[$a]")).Values[0]);
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseConstValue("[$a]")).Error;
        Assert.Equal("Syntax Error: Unexpected variable \"$a\" in constant value.", error.Message);
        Assert.Equal(new SourceLocation(1, 2), error.Locations![0]);
    }
}
