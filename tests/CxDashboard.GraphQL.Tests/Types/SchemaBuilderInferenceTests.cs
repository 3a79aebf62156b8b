using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Tests.Types;

public sealed class SchemaBuilderInferenceTests
{
    public enum Channel { Phone, SelfService, IVR, WebChat2 }

    public sealed class Unit
    {
        public string Code { get; set; } = "";
        public string? ParentCode { get; set; }
        public int Depth { get; set; }
        public long Responses { get; set; }
        public double Score { get; set; }
        public decimal Target { get; set; }
        public bool Active { get; set; }
        public DateOnly Opened { get; set; }
        public DateTimeOffset Updated { get; set; }
        public DateTime? Closed { get; set; }
        public Guid Key { get; set; }
        public int? Rank { get; set; }
        public List<string> Tags { get; set; } = [];
        public IReadOnlyList<string?>? Notes { get; set; }
        public Channel MainChannel { get; set; }
        public Unit[] Children { get; set; } = [];
        public double NPSScore { get; set; }
        public string Secret { get; set; } = "";
        public Task<int> CountAsync() => Task.FromResult(Depth * 10);
    }

    private sealed class UnitType : ObjectTypeDefinition<Unit>
    {
        protected override void Configure(IObjectTypeDescriptor<Unit> d)
        {
            d.Name("Unit").Description("A node of the org tree.");
            d.Field(u => u.Code);
            d.Field(u => u.ParentCode);
            d.Field(u => u.Depth);
            d.Field(u => u.Responses);
            d.Field(u => u.Score);
            d.Field(u => u.Target);
            d.Field(u => u.Active);
            d.Field(u => u.Opened);
            d.Field(u => u.Updated);
            d.Field(u => u.Closed);
            d.Field(u => u.Key);
            d.Field(u => u.Rank);
            d.Field(u => u.Tags);
            d.Field(u => u.Notes);
            d.Field(u => u.MainChannel);
            d.Field(u => u.Children);
            d.Field(u => u.NPSScore);
            d.Field(u => u.CountAsync());
            d.Field(u => u.Secret);
            d.Ignore(u => u.Secret);
        }
    }

    private sealed class QueryType : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d)
        {
            d.Field("unit").Type("Unit").Resolve(_ => new Unit { Code = "root", Depth = 2 });
            d.Field("units").Type("[Unit!]!")
                .Argument("first", "Int", a => a.DefaultValue(10).Description("How many."))
                .Resolve(async ctx =>
                {
                    await Task.Yield();
                    return Enumerable.Range(0, ctx.Argument<int>("first")).Select(i => new Unit { Code = "u" + i }).ToList();
                });
        }
    }

    private static Schema Build() => SchemaBuilder.New().AddQueryType<QueryType>().AddType<UnitType>().Build();

    private static string TypeOf(Schema schema, string field) => ((ObjectType)schema.GetType("Unit")!).GetField(field)!.Type.ToString();

    [Theory]
    [InlineData("code", "String!")]
    [InlineData("parentCode", "String")]
    [InlineData("depth", "Int!")]
    [InlineData("responses", "Int!")]
    [InlineData("score", "Float!")]
    [InlineData("target", "Decimal!")]
    [InlineData("active", "Boolean!")]
    [InlineData("opened", "Date!")]
    [InlineData("updated", "DateTime!")]
    [InlineData("closed", "DateTime")]
    [InlineData("key", "ID!")]
    [InlineData("rank", "Int")]
    [InlineData("tags", "[String!]!")]
    [InlineData("notes", "[String]")]
    [InlineData("mainChannel", "Channel!")]
    [InlineData("children", "[Unit!]!")]
    [InlineData("npsScore", "Float!")]
    [InlineData("countAsync", "Int!")]
    public void Field_types_are_inferred_from_clr_types_and_nullable_annotations(string field, string expected) =>
        Assert.Equal(expected, TypeOf(Build(), field));

    [Fact]
    public void Only_declared_members_are_exposed_and_ignored_ones_are_removed()
    {
        var unit = (ObjectType)Build().GetType("Unit")!;
        Assert.Null(unit.GetField("secret"));
        Assert.Equal(18, unit.Fields.Count);
        Assert.Equal("A node of the org tree.", unit.Description);
    }

    [Fact]
    public void Custom_scalars_used_by_inference_are_added_to_the_schema()
    {
        var schema = Build();
        Assert.Same(CustomScalars.Decimal, schema.GetType("Decimal"));
        Assert.Same(CustomScalars.Date, schema.GetType("Date"));
        Assert.Same(CustomScalars.DateTime, schema.GetType("DateTime"));
    }

    [Fact]
    public void Unregistered_enums_get_their_clr_name_and_screaming_case_values()
    {
        var channel = (EnumType)Build().GetType("Channel")!;
        Assert.Equal(["PHONE", "SELF_SERVICE", "IVR", "WEB_CHAT2"], channel.Values.Select(v => v.Name));
        Assert.Equal(Channel.SelfService, channel.GetValue("SELF_SERVICE")!.Value);
        Assert.Equal("SELF_SERVICE", channel.Serialize(Channel.SelfService));
    }

    [Fact]
    public void Object_types_of_a_clr_type_match_values_of_that_type_only()
    {
        var unit = (ObjectType)Build().GetType("Unit")!;
        Assert.True(unit.IsTypeOf!(new Unit()));
        Assert.False(unit.IsTypeOf!("not a unit"));
    }

    [Fact]
    public async Task Member_fields_resolve_the_member_of_the_parent_value_and_await_tasks()
    {
        var schema = Build();
        var unit = new Unit { Code = "DEP-7", Depth = 3, Tags = ["a"] };
        Assert.Equal("DEP-7", await Resolve.Field(schema, "Unit", "code", unit));
        Assert.Equal(3, await Resolve.Field(schema, "Unit", "depth", unit));
        Assert.Equal(30, await Resolve.Field(schema, "Unit", "countAsync", unit));
    }

    [Fact]
    public async Task Sync_and_async_resolvers_are_both_accepted()
    {
        var schema = Build();
        var one = (Unit)(await Resolve.Field(schema, "Query", "unit", null))!;
        Assert.Equal("root", one.Code);
        var many = (List<Unit>)(await Resolve.Field(schema, "Query", "units", null, new Dictionary<string, object?> { ["first"] = 3 }))!;
        Assert.Equal(["u0", "u1", "u2"], many.Select(u => u.Code));
    }

    [Fact]
    public void Argument_defaults_become_literals_of_the_argument_type()
    {
        var first = ((ObjectType)Build().GetType("Query")!).GetField("units")!.GetArgument("first")!;
        Assert.Equal("Int", first.Type.ToString());
        Assert.Equal("10", SdlValuePrinter.Print(first.DefaultValue!));
        Assert.Equal("How many.", first.Description);
    }

    [Theory]
    [InlineData("Id", "id")]
    [InlineData("OrgUnitId", "orgUnitId")]
    [InlineData("NPSScore", "npsScore")]
    [InlineData("NPS", "nps")]
    [InlineData("already", "already")]
    public void Member_names_become_camel_case(string member, string expected) =>
        Assert.Equal(expected, MemberBinding.CamelCase(member));

    [Theory]
    [InlineData("Phone", "PHONE")]
    [InlineData("SelfService", "SELF_SERVICE")]
    [InlineData("IVR", "IVR")]
    [InlineData("HTTPRequest", "HTTP_REQUEST")]
    [InlineData("Top3Box", "TOP3_BOX")]
    public void Enum_member_names_become_screaming_case(string member, string expected) =>
        Assert.Equal(expected, SchemaOptions.ScreamingCase(member));
}
