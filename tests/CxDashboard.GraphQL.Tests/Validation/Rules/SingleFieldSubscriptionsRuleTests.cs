using CxDashboard.GraphQL.Validation.Rules;

namespace CxDashboard.GraphQL.Tests.Validation.Rules;

/// <summary>SingleFieldSubscriptions (graphql-js SingleFieldSubscriptionsRule); expectations hand-worked, checked against graphql-js 16.</summary>
public sealed class SingleFieldSubscriptionsRuleTests : RuleHarness<SingleFieldSubscriptionsRule>
{
    [Fact]
    public void One_root_field_is_valid() => ExpectValid("""
        subscription ImportantEmails { importantEmails }
        """);

    [Fact]
    public void One_root_field_through_a_fragment_is_valid() => ExpectValid("""
        subscription sub { ...newMessageFields }
        fragment newMessageFields on SubscriptionRoot { newMessage { body sender } }
        """);

    [Fact]
    public void A_field_skipped_by_a_literal_condition_is_not_counted() => ExpectValid("""
        subscription Sub { importantEmails notImportantEmails @skip(if: true) }
        """);

    [Fact]
    public void Two_root_fields_are_rejected_at_the_second() => ExpectErrors("""
        subscription ImportantEmails { importantEmails notImportantEmails }
        """,
        Error("Subscription \"ImportantEmails\" must select only one top level field.", (1, 48)));

    [Fact]
    public void An_anonymous_subscription_lists_every_extra_field() => ExpectErrors("""
        subscription { importantEmails notImportantEmails spamEmails }
        """,
        Error("Anonymous Subscription must select only one top level field.", (1, 32), (1, 51)));

    [Fact]
    public void Extra_fields_inside_fragments_are_found() => ExpectErrors("""
        subscription sub {
          ...multipleSubscriptions
        }
        fragment multipleSubscriptions on SubscriptionRoot {
          newMessage { body }
          disallowedSecondRootField: importantEmails
        }
        """,
        Error("Subscription \"sub\" must select only one top level field.", (6, 3)));

    [Fact]
    public void An_introspection_root_field_is_rejected() => ExpectErrors("""
        subscription sub { __typename }
        """,
        Error("Subscription \"sub\" must not select an introspection top level field.", (1, 20)));

    [Fact]
    public void Spec_example_introspection_beside_a_field_gives_both_errors() => ExpectErrors("""
        subscription sub {
          newMessage { body }
          __typename
        }
        """,
        Error("Subscription \"sub\" must select only one top level field.", (3, 3)),
        Error("Subscription \"sub\" must not select an introspection top level field.", (3, 3)));
}
