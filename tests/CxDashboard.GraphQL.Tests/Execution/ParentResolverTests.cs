using CxDashboard.GraphQL.Types;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

/// <summary>
/// Leaf fields read from the parent alone (<c>ResolveFromParent</c>) skip the resolve context; they must complete,
/// fail and propagate nulls exactly as fields with a full resolver do.
/// https://spec.graphql.org/October2021/#CompleteValue() and https://spec.graphql.org/October2021/#sec-Handling-Field-Errors
/// </summary>
public sealed class ParentResolverTests
{
    public sealed record Point(string? Label, double? Value, int Count, string Kind);

    public enum Shade { Light, Dark }

    private sealed class PointType : ObjectTypeDefinition<Point>
    {
        protected override void Configure(IObjectTypeDescriptor<Point> d)
        {
            d.Name("Point");
            d.Field("label").Type("String").ResolveFromParent<Point>(p => p.Label);
            d.Field("requiredLabel").Type("String!").ResolveFromParent<Point>(p => p.Label);
            d.Field("value").Type("Float").ResolveFromParent<Point>(p => p.Value);
            d.Field("count").Type("Int!").ResolveFromParent<Point>(p => p.Count);
            d.Field("tooBig").Type("Int").ResolveFromParent<Point>(p => (long)int.MaxValue + p.Count);
            d.Field("shade").Type("Shade!").ResolveFromParent<Point>(p => p.Kind == "dark" ? Shade.Dark : Shade.Light);
            d.Field("boom").Type("String").ResolveFromParent<Point>(p => p.Kind == "boom" ? throw new GraphQLException(new GraphQLError("no label today")) : "fine");
            d.Field("same").Type("Point!").ResolveFromParent<Point>(p => p);
        }
    }

    private sealed class QueryType : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d)
        {
            d.Name("Query");
            d.Field("points").Type("[Point!]").Resolve(_ => new[] { new Point("a", 1.5, 2, "dark"), new Point(null, null, 3, "boom") });
            d.Field("notAPoint").Type("Point").Resolve(_ => "a string");
        }
    }

    private static Schema Build() => SchemaBuilder.New().AddQueryType<QueryType>().AddType<PointType>().AddEnumType<Shade>().Build();

    [Fact]
    public async Task Leaves_read_from_the_parent_complete_like_any_field_including_below_an_object_field_of_the_same_kind()
    {
        var r = await Run(Build(), "{ points { label value count shade same { count shade } } }");
        Assert.Null(r.Errors);
        Assert.Equal("""{"points":[{"label":"a","value":1.5,"count":2,"shade":"DARK","same":{"count":2,"shade":"DARK"}},""" +
            """{"label":null,"value":null,"count":3,"shade":"LIGHT","same":{"count":3,"shade":"LIGHT"}}]}""", Data(r));
    }

    [Fact]
    public async Task A_throwing_read_is_a_field_error_at_its_path_and_the_nullable_field_is_null()
    {
        var r = await Run(Build(), "{ points { count boom } }");
        Assert.Equal(["no label today @points.1.boom"], Errors(r));
        Assert.Equal("""{"points":[{"count":2,"boom":"fine"},{"count":3,"boom":null}]}""", Data(r));
    }

    [Fact]
    public async Task Null_for_a_non_null_leaf_nulls_the_nearest_nullable_parent()
    {
        var r = await Run(Build(), "{ points { count requiredLabel } }");
        Assert.Equal(["Cannot return null for non-nullable field Point.requiredLabel. @points.1.requiredLabel"], Errors(r));
        Assert.Equal("""{"points":null}""", Data(r)); // [Point!]: the bad item nulls the list
    }

    [Fact]
    public async Task A_value_the_scalar_cannot_represent_is_a_field_error_and_null()
    {
        var r = await Run(Build(), "{ points { tooBig } }");
        Assert.Equal(2, Errors(r).Length);
        Assert.All(Errors(r), e => Assert.Contains("Int cannot represent", e));
        Assert.EndsWith("@points.0.tooBig", Errors(r)[0]);
        Assert.Equal("""{"points":[{"tooBig":null},{"tooBig":null}]}""", Data(r));
    }

    [Fact]
    public async Task A_parent_of_the_wrong_type_is_a_field_error_naming_the_field()
    {
        var r = await Run(Build(), "{ notAPoint { label } }");
        var error = Assert.Single(r.Errors!);
        Assert.Equal(["notAPoint", "label"], error.Path!);
        Assert.Equal("The parent of field Point.label is String, not Point.", error.Exception!.Message); // for the log; masked in the response
        Assert.Equal("""{"notAPoint":{"label":null}}""", Data(r));
    }
}
