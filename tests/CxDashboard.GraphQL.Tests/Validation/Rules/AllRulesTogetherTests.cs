using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>Every rule together, as the executor runs them.</summary>
public sealed class AllRulesTogetherTests : ValidationHarness
{
    [Fact]
    public void A_valid_document_passes_every_rule() => ExpectValid("""
        query Dogs($cmd: DogCommand = SIT, $withOwner: Boolean!) {
          dog {
            ...DogFields
            owner @include(if: $withOwner) { name pets { ... on Cat { meows } } }
          }
          catOrDog { __typename ... on Cat { furColor } }
        }
        fragment DogFields on Dog { name knows: doesKnowCommand(dogCommand: $cmd) mother { name } }
        """);

    [Fact]
    public void Errors_of_several_rules_come_in_document_order() => ExpectErrors("""
        query Q($unused: Int) {
          dog { meows ...Missing }
          cat { name(surname: "yes") }
        }
        """,
        Error("Cannot query field \"meows\" on type \"Dog\".", (2, 9)),
        Error("Unknown fragment \"Missing\".", (2, 18)),
        Error("Boolean cannot represent a non boolean value: \"yes\"", (3, 23)),
        Error("Variable \"$unused\" is never used in operation \"Q\".", (1, 9)));
}
