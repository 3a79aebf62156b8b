using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Tests.Types;

/// <summary>Printed SDL compared with hand-written SDL laid out as graphql-js printSchema lays it out.</summary>
public sealed class SchemaPrinterTests
{
    public enum Channel { Phone, SelfService, Fax }

    public sealed record Unit(string Code, string? Name, decimal Target);

    public sealed record UnitFilter(string? Code, int Depth, IReadOnlyList<Channel>? Channels);

    private sealed class QueryType : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d)
        {
            d.Description("The entry points of every read.");
            d.Field("unit").Type("Unit").Argument("code", "String!").Resolve(_ => null);
            d.Field("units")
                .Description("Units under a parent.\n\nSorted by code.")
                .Type("[Unit!]!")
                .Argument("filter", "UnitFilter", a => a.Description("What to keep."))
                .Argument("first", "Int", a => a.DefaultValue(10))
                .Argument("channel", "Channel", a => a.DefaultValue(Channel.SelfService).Deprecated("Use filter."))
                .Resolve(_ => Array.Empty<Unit>());
            d.Field("search").Type("[SearchResult!]").Argument("text", "String!").Resolve(_ => null);
            d.Field("oldUnits").Type("[Unit]").Deprecated().Resolve(_ => null);
            d.Field("today").Type("Date").Deprecated("Use `now`.").Resolve(_ => null);
        }
    }

    private sealed class NodeType : InterfaceTypeDefinition
    {
        protected override void Configure(IInterfaceTypeDescriptor d) =>
            d.Name("Node").Description("Anything with a code.").Field("code").Type("String!");
    }

    private sealed class UnitType : ObjectTypeDefinition<Unit>
    {
        protected override void Configure(IObjectTypeDescriptor<Unit> d)
        {
            d.Implements("Node");
            d.Field(u => u.Code).Description("Stable code, e.g. \"DEP-7\".");
            d.Field(u => u.Name);
            d.Field(u => u.Target).Description("  indented first line");
        }
    }

    private sealed class PartnerType : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d) =>
            d.Name("Partner").Implements("Node").Field("code").Type("String!");
    }

    private sealed class SearchResultType : UnionTypeDefinition
    {
        protected override void Configure(IUnionTypeDescriptor d) => d.Name("SearchResult").Type("Unit").Type("Partner");
    }

    private sealed class UnitFilterType : InputObjectTypeDefinition<UnitFilter>
    {
        protected override void Configure(IInputObjectTypeDescriptor<UnitFilter> d)
        {
            d.Field(f => f.Code);
            d.Field(f => f.Depth).DefaultValue(1).Description("How deep.");
            d.Field(f => f.Channels).DefaultValue(new[] { Channel.Phone, Channel.Fax });
        }
    }

    private static Schema Build(Action<SchemaOptions>? options = null) => SchemaBuilder.New()
        .AddQueryType<QueryType>()
        .AddType<NodeType>()
        .AddType<UnitType>()
        .AddType<PartnerType>()
        .AddType<SearchResultType>()
        .AddEnumType<Channel>(configure: e =>
        {
            e.Description("Where the contact happened.");
            e.Value(Channel.Phone).Description("A call.");
            e.Value(Channel.Fax).Deprecated();
        })
        .AddType<UnitFilterType>()
        .AddScalar(CustomScalars.Date)
        .AddDirective(new DirectiveDefinition("cached", DirectiveLocation.Field, DirectiveLocation.Query)
        {
            Description = "Reuse an answer.",
            IsRepeatable = true,
            Arguments = { new InputValueDefinition("ttl", BuiltInScalars.Int) { DefaultValue = new CxDashboard.GraphQL.Language.IntValueNode { Value = "60" } } },
        })
        .ModifyOptions(options ?? (_ => { }))
        .Build();

    private const string Expected = """"
        """Reuse an answer."""
        directive @cached(ttl: Int = 60) repeatable on FIELD | QUERY

        """The entry points of every read."""
        type Query {
          unit(code: String!): Unit

          """
          Units under a parent.
          
          Sorted by code.
          """
          units(
            """What to keep."""
            filter: UnitFilter
            first: Int = 10
            channel: Channel = SELF_SERVICE @deprecated(reason: "Use filter.")
          ): [Unit!]!
          search(text: String!): [SearchResult!]
          oldUnits: [Unit] @deprecated
          today: Date @deprecated(reason: "Use `now`.")
        }

        """Anything with a code."""
        interface Node {
          code: String!
        }

        type Unit implements Node {
          """Stable code, e.g. "DEP-7"."""
          code: String!
          name: String

          """  indented first line"""
          target: Decimal!
        }

        """
        An exact decimal number (28-29 significant digits). Output is a JSON number with the value's own digits; input is a string such as "12.50" (exact) or a number.
        """
        scalar Decimal @specifiedBy(url: "https://learn.microsoft.com/dotnet/api/system.decimal")

        type Partner implements Node {
          code: String!
        }

        union SearchResult = Unit | Partner

        """Where the contact happened."""
        enum Channel {
          """A call."""
          PHONE
          SELF_SERVICE
          FAX @deprecated
        }

        input UnitFilter {
          code: String

          """How deep."""
          depth: Int! = 1
          channels: [Channel!] = [PHONE, FAX]
        }

        """A calendar date in ISO 8601 / RFC 3339 full-date format: yyyy-MM-dd."""
        scalar Date @specifiedBy(url: "https://scalars.graphql.org/andimarek/local-date.html")
        """";

    [Fact]
    public void Prints_like_graphql_js_printSchema()
    {
        Assert.Equal(Expected.Replace("\r\n", "\n"), SchemaPrinter.Print(Build()));
    }

    [Fact]
    public void Prints_the_schema_definition_when_the_schema_has_a_description()
    {
        var sdl = SchemaPrinter.Print(Build(o => o.Description = "CX data."));
        Assert.StartsWith("\"\"\"CX data.\"\"\"\nschema {\n  query: Query\n}\n\n\"\"\"Reuse an answer.\"\"\"\ndirective @cached", sdl);
    }

    private sealed class RootType : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d) => d.Field("ok").Type("Boolean").Resolve(_ => true);
    }

    private sealed class WritesType : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d) => d.Field("ok").Type("Boolean").Resolve(_ => true);
    }

    [Fact]
    public void Prints_the_schema_definition_when_root_types_have_other_names()
    {
        var schema = SchemaBuilder.New().AddQueryType<RootType>().AddMutationType<WritesType>().Build();
        Assert.Equal("schema {\n  query: Root\n  mutation: Writes\n}\n\ntype Root {\n  ok: Boolean\n}\n\ntype Writes {\n  ok: Boolean\n}",
            SchemaPrinter.Print(schema));
    }

    [Theory]
    [InlineData("plain", "\"\"\"plain\"\"\"")]
    [InlineData("ends with quote\"", "\"\"\"\nends with quote\"\n\"\"\"")]
    [InlineData("has \"\"\" inside", "\"\"\"has \\\"\"\" inside\"\"\"")]
    [InlineData(" leading space", "\"\"\" leading space\"\"\"")]
    [InlineData("two\nlines", "\"\"\"\ntwo\nlines\n\"\"\"")]
    public void Block_strings_are_laid_out_as_graphql_js_does(string value, string expected) =>
        Assert.Equal(expected, CxDashboard.GraphQL.Language.BlockString.Print(value));

    [Theory]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("\u0001\u007f", "\"\\u0001\\u007F\"")]
    [InlineData("é ü 中", "\"é ü 中\"")]
    public void Strings_escape_only_quotes_backslashes_and_control_characters(string value, string expected) =>
        Assert.Equal(expected, CxDashboard.GraphQL.Language.Printer.PrintString(value));

    [Theory]
    [InlineData("\nleading newline", false)]
    [InlineData("trailing empty line\n", false)]
    [InlineData("  all\n  indented", false)]
    [InlineData("carriage\rreturn", false)]
    [InlineData("fine\n  partly indented", true)]
    public void Descriptions_that_would_not_read_back_are_printed_as_plain_strings(string value, bool asBlock) =>
        Assert.Equal(asBlock, SdlValuePrinter.IsPrintableAsBlockString(value));
}
