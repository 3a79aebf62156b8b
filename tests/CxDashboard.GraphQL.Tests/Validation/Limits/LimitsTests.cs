using System.Text;
using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;
using CxDashboard.GraphQL.Validation;
using CxDashboard.GraphQL.Validation.Limits;

namespace CxDashboard.GraphQL.Tests.Validation.Limits;

/// <summary>
/// The service's own limits (ValidationOptions): each off by default, each reporting the limit and the
/// figure found. Every expected figure is worked out by hand in the test's comment.
/// </summary>
public sealed class LimitsTests : ValidationHarness
{
    private const string DeepDog = "{ dog { mother { mother { name } } } }"; // dog, mother, mother, name: depth 4

    [Fact]
    public void Limits_are_off_by_default()
    {
        ExpectValid(DeepDog);
        ExpectValid(FragmentBomb(12));
    }

    [Fact]
    public void Depth_at_the_limit_is_valid() => ExpectValid(DeepDog, new ValidationOptions { MaxDepth = 4 });

    [Fact]
    public void Depth_over_the_limit_is_rejected_with_both_figures() => ExpectErrors(DeepDog, new ValidationOptions { MaxDepth = 3 },
        Error("The anonymous operation has a depth of 4, which exceeds the maximum depth of 3.", (1, 1)));

    [Fact]
    public void Depth_counts_through_fragments() => ExpectErrors("""
        query Deep { dog { ...M } }
        fragment M on Dog { mother { ... on Dog { mother { name } } } }
        """, new ValidationOptions { MaxDepth = 3 },
        Error("Operation \"Deep\" has a depth of 4, which exceeds the maximum depth of 3.", (1, 1)));

    [Fact]
    public void Node_count_at_the_limit_is_valid() =>
        ExpectValid("{ dog { name barks } cat { name } }", new ValidationOptions { MaxNodes = 5 });

    [Fact]
    public void Node_count_counts_a_fragment_at_every_spread() => ExpectErrors("""
        { dog { ...F mother { ...F } } }
        fragment F on Dog { name barks }
        """, new ValidationOptions { MaxNodes = 5 },
        // dog 1 + F 2 + mother 1 + F 2
        Error("The anonymous operation selects 6 fields, which exceeds the maximum of 5 fields.", (1, 1)));

    [Fact]
    public void A_fragment_bomb_is_counted_without_being_expanded() => ExpectErrors(FragmentBomb(12), new ValidationOptions { MaxNodes = 1000 },
        // N(12) = 1, N(k) = 2 (1 + N(k+1)) so N(k) + 2 doubles each level: N(0) = 3 * 2^12 - 2 = 12286; plus dog: 12287.
        Error("The anonymous operation selects 12287 fields, which exceeds the maximum of 1000 fields.", (1, 1)));

    [Fact]
    public void Aliases_over_the_limit_are_rejected() => ExpectErrors("{ a: dog { name } b: dog { n: name } }",
        new ValidationOptions { MaxAliases = 2 },
        Error("The anonymous operation uses 3 aliases, which exceeds the maximum of 2 aliases.", (1, 1)));

    [Fact]
    public void Aliases_at_the_limit_are_valid() =>
        ExpectValid("{ a: dog { name } b: dog { n: name } }", new ValidationOptions { MaxAliases = 3 });

    [Fact]
    public void A_document_over_the_length_limit_is_rejected_before_any_rule()
    {
        var query = "{ dog { name } unknown }"; // 24 characters, and an unknown field no rule gets to see
        ExpectErrors(query, new ValidationOptions { MaxDocumentLength = 23 },
            Error("The document is 24 characters long, which exceeds the maximum length of 23 characters."));
        Assert.Null(DocumentLengthLimit.Check(query, new ValidationOptions { MaxDocumentLength = 24 }));
        Assert.Equal("The document is 24 characters long, which exceeds the maximum length of 10 characters.",
            DocumentLengthLimit.Check(query, new ValidationOptions { MaxDocumentLength = 10 })?.Message);
    }

    [Fact]
    public void Validation_stops_after_the_error_limit_like_graphql_js()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 150).Select(i => "unknown" + i)) + " }";
        var errors = Validate(query);
        Assert.Equal(101, errors.Count);
        Assert.Equal("Cannot query field \"unknown0\" on type \"QueryRoot\".", errors[0].Message);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[100].Message);
    }

    /// <summary>F0 … F(levels): each spreads the next twice, under mother and father; the last selects name.</summary>
    private static string FragmentBomb(int levels)
    {
        var sb = new StringBuilder("{ dog { ...F0 } }\n");
        for (var k = 0; k < levels; k++)
            sb.Append($"fragment F{k} on Dog {{ mother {{ ...F{k + 1} }} father {{ ...F{k + 1} }} }}\n");
        sb.Append($"fragment F{levels} on Dog {{ name }}\n");
        return sb.ToString();
    }
}

/// <summary>The cost estimate, on a schema with list sizes and a weighted field.</summary>
public sealed class MaxCostTests : ValidationHarness
{
    private static readonly Schema CostSchema = BuildCostSchema();

    protected override Schema Schema => CostSchema;

    private static Schema BuildCostSchema()
    {
        var item = new ObjectType("Item");
        item.AddField(new FieldDefinition("name", BuiltInScalars.String));
        item.AddField(new FieldDefinition("children", new ListType(item)) { Arguments = { new InputValueDefinition("limit", BuiltInScalars.Int) } });
        var query = new ObjectType("Query");
        query.AddField(new FieldDefinition("items", new ListType(item))
        {
            Arguments = { new InputValueDefinition("first", BuiltInScalars.Int) { DefaultValue = new IntValueNode { Value = "5" } } },
        });
        var expensive = query.AddField(new FieldDefinition("expensive", BuiltInScalars.Int));
        expensive.Metadata[ValidationOptions.CostMetadataKey] = 50;
        var page = new ObjectType("Page");
        page.AddField(new FieldDefinition("items", new ListType(item)));
        query.AddField(new FieldDefinition("page", page)
        {
            Arguments = { new InputValueDefinition("first", BuiltInScalars.Int) { DefaultValue = new IntValueNode { Value = "20" } } },
        });
        var sized = query.AddField(new FieldDefinition("thirteen", new ListType(item)));
        sized.Metadata[ValidationOptions.ListSizeMetadataKey] = 13;
        return new Schema(query);
    }

    private static ValidationOptions Max(int cost) => new() { MaxCost = cost };

    [Fact]
    public void A_list_counts_its_selections_per_item_from_the_argument_default() =>
        // items 1 + 5 (default first) x name 1 = 6
        ExpectErrors("{ items { name } }", Max(5), Error("The anonymous operation has an estimated cost of 6, which exceeds the maximum cost of 5.", (1, 1)));

    [Fact]
    public void Literal_first_and_limit_arguments_set_the_list_size()
    {
        // children: 1 + 2 x 1 = 3; an item: name 1 + children 3 = 4; items: 1 + 3 x 4 = 13
        const string query = "{ items(first: 3) { name children(limit: 2) { name } } }";
        ExpectValid(query, Max(13));
        ExpectErrors(query, Max(12), Error("The anonymous operation has an estimated cost of 13, which exceeds the maximum cost of 12.", (1, 1)));
    }

    [Fact]
    public void A_variable_counts_with_its_default_value() =>
        // items 1 + 7 x 1 = 8
        ExpectErrors("query Q($n: Int = 7) { items(first: $n) { name } }", Max(7),
            Error("Operation \"Q\" has an estimated cost of 8, which exceeds the maximum cost of 7.", (1, 1)));

    [Fact]
    public void A_list_without_size_argument_uses_the_default_list_size() =>
        // children: 1 + 10 x 1 = 11; items: 1 + 5 x 11 = 56
        ExpectErrors("{ items { children { name } } }", Max(55),
            Error("The anonymous operation has an estimated cost of 56, which exceeds the maximum cost of 55.", (1, 1)));

    [Fact]
    public void Cost_metadata_replaces_the_field_weight()
    {
        ExpectValid("{ expensive }", Max(50));
        ExpectErrors("{ expensive items(first: 1) { name } }", Max(51), // 50 + (1 + 1 x 1)
            Error("The anonymous operation has an estimated cost of 52, which exceeds the maximum cost of 51.", (1, 1)));
    }

    [Fact]
    public void A_page_object_with_a_size_argument_counts_its_selections_that_many_times() =>
        // page: 1 + 4 x (items: 1 + 10 x name 1 = 11) = 45
        ExpectErrors("{ page(first: 4) { items { name } } }", Max(44),
            Error("The anonymous operation has an estimated cost of 45, which exceeds the maximum cost of 44.", (1, 1)));

    [Fact]
    public void List_size_metadata_replaces_the_default_list_size() =>
        // thirteen: 1 + 13 x 1 = 14
        ExpectErrors("{ thirteen { name } }", Max(13),
            Error("The anonymous operation has an estimated cost of 14, which exceeds the maximum cost of 13.", (1, 1)));

    [Fact]
    public void A_size_from_a_variable_without_default_counts_as_the_default_list_size() =>
        // items: 1 + 10 x 1 = 11 (the argument's own default, 5, would make it 6)
        ExpectErrors("query($n: Int) { items(first: $n) { name } }", Max(10),
            Error("The anonymous operation has an estimated cost of 11, which exceeds the maximum cost of 10.", (1, 1)));

    [Fact]
    public void The_cost_error_carries_its_code_cost_and_limit()
    {
        var errors = DocumentValidator.Validate(Schema, CxDashboard.GraphQL.Language.Parser.Parse("{ items { name } }"), Max(5));
        var error = Assert.Single(errors);
        Assert.Equal("COST_LIMIT_EXCEEDED", error.Extensions!["code"]);
        Assert.Equal(6L, error.Extensions["cost"]);
        Assert.Equal(5, error.Extensions["maxCost"]);
    }
}
