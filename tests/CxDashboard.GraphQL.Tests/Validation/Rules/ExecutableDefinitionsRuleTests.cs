using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>ExecutableDefinitions (graphql-js ExecutableDefinitionsRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class ExecutableDefinitionsRuleTests : RuleHarness<ExecutableDefinitionsRule>
{
    [Fact]
    public void Operations_and_fragments_are_executable() => ExpectValid("""
        query Foo { dog { name } }
        fragment Frag on Dog { name }
        """);

    [Fact]
    public void Type_definitions_and_extensions_are_not_executable() => ExpectErrors("""
        query Foo { dog { name } }
        type Cow { name: String }
        extend type Dog { color: String }
        """,
        Error("The \"Cow\" definition is not executable.", (2, 1)),
        Error("The \"Dog\" definition is not executable.", (3, 1)));

    [Fact]
    public void A_schema_definition_is_reported_without_a_name() => ExpectErrors("""
        schema { query: QueryRoot }
        { dog { name } }
        """,
        Error("The schema definition is not executable.", (1, 1)));

    [Fact]
    public void Directive_definitions_are_not_executable() => ExpectErrors("""
        directive @cow on FIELD
        { dog { name } }
        """,
        Error("The \"cow\" definition is not executable.", (1, 1)));
}
