using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>UniqueVariableNames (graphql-js UniqueVariableNamesRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class UniqueVariableNamesRuleTests : RuleHarness<UniqueVariableNamesRule>
{
    [Fact]
    public void Distinct_variables_are_valid() => ExpectValid("""
        query A($x: Int, $y: String) { __typename }
        """);

    [Fact]
    public void Duplicates_are_reported_once_per_name_at_every_definition() => ExpectErrors("""
        query A($x: Int, $x: Int, $x: String) { __typename }
        query B($y: String, $y: Int) { __typename }
        query C($z: Int, $z: Int) { __typename }
        """,
        Error("There can be only one variable named \"$x\".", (1, 10), (1, 19), (1, 28)),
        Error("There can be only one variable named \"$y\".", (2, 10), (2, 22)),
        Error("There can be only one variable named \"$z\".", (3, 10), (3, 19)));

    [Fact]
    public void Operations_may_reuse_each_others_names() => ExpectValid("""
        query A($x: Int) { __typename }
        query B($x: Int) { __typename }
        """);
}
