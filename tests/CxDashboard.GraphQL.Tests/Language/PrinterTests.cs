using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Tests.Language;

public class PrinterTests
{
    // Written by hand in graphql-js print() layout: canonical text prints back unchanged.
    private const string ExecutableKitchenSink = """"
        query Dashboard($unit: ID!, $from: Date = "2024-01-01", $channels: [Channel!] = [PHONE, EMAIL] @tag) @live {
          unit: orgUnit(id: $unit) {
            ...UnitFields
            ... on Department @include(if: true) {
              head {
                name
              }
            }
            ... @skip(if: false) {
              code
            }
            ... {
              bare
            }
            scores(
              filter: {from: $from, channels: $channels, minimum: -1.5e2, note: "a \"quoted\" note\n", empty: null}
            ) {
              nps
            }
            short(a: [], b: {}, c: [[1], {x: ENUM_VALUE}]) @one @two(n: 0.5)
          }
        }

        fragment UnitFields on OrgUnit @frag {
          id
          name
        }

        {
          shorthand
        }

        mutation {
          save(block: """
          multi
            line
          """)
        }

        subscription OnScore @live {
          scoreChanged
        }
        """";

    private const string SdlKitchenSink = """"
        """The schema"""
        schema @tag {
          query: Query
          mutation: Mutation
        }

        """
        A unit of the org.
        Second line.
        """
        type OrgUnit implements Node & Named @key(fields: "id") {
          "The id."
          id: ID!
          children(
            "How many."
            first: Int = 10
            after: String @deprecated(reason: "use cursor")
          ): [OrgUnit!]!
          parent(depth: Int = 1, strict: Boolean): OrgUnit @cost(weight: 2)
        }

        type Marker

        interface Node implements Base {
          id: ID!
        }

        union Result @u = OrgUnit | Person

        enum Channel {
          "By phone."
          PHONE @deprecated
          EMAIL
        }

        input KpiInput @in {
          code: String!
          weight: Float = 1.5
          tags: [String] = ["a", "b"]
          "Range."
          bounds: Range = {low: 0, high: 10} @check
        }

        scalar Date @specifiedBy(url: "https://example.com/date")

        """Weights."""
        directive @cost(weight: Int!) repeatable on FIELD_DEFINITION | OBJECT

        directive @plain on QUERY

        extend schema @more

        extend schema {
          subscription: Subscription
        }

        extend scalar Date @extra

        extend type OrgUnit implements Extra @x {
          extra: Int
        }

        extend interface Node @y

        extend union Result = Extra

        extend enum Channel {
          CHAT
        }

        extend input KpiInput {
          note: String
        }
        """";

    [Theory]
    [InlineData(ExecutableKitchenSink)]
    [InlineData(SdlKitchenSink)]
    public void Canonical_documents_print_back_unchanged_and_reparse_to_the_same_tree(string text)
    {
        var document = Parser.Parse(text);
        var printed = Printer.Print(document);
        Assert.Equal(text.ReplaceLineEndings("\n"), printed);
        AstAssert.Equal(document, Parser.Parse(printed));
    }

    [Fact]
    public void Messy_documents_print_in_canonical_layout()
    {
        var document = Parser.Parse("query   Q ( $a :Int=1,$b:[ String ! ] ! ){a:b( x : 1 , y : \"\"\"z\"\"\" ),...F,...on T{c}} fragment F on T{d}");
        const string expected = """"
            query Q($a: Int = 1, $b: [String!]!) {
              a: b(x: 1, y: """z""")
              ...F
              ... on T {
                c
              }
            }

            fragment F on T {
              d
            }
            """";
        Assert.Equal(expected.ReplaceLineEndings("\n"), Printer.Print(document));
    }

    [Fact]
    public void Anonymous_queries_without_variables_or_directives_print_as_shorthand()
    {
        Assert.Equal("{\n  a\n}", Printer.Print(Parser.Parse("query { a }")));
        Assert.Equal("query @d {\n  a\n}", Printer.Print(Parser.Parse("query @d { a }")));
        Assert.Equal("query ($v: Int) {\n  a\n}", Printer.Print(Parser.Parse("query ($v: Int) { a }")));
    }

    [Fact]
    public void Field_arguments_wrap_onto_their_own_lines_past_eighty_characters()
    {
        var argument = new string('x', 70);
        var printed = Printer.Print(Parser.Parse($"{{ field(a: \"{argument}\", b: 1) }}"));
        Assert.Equal($"{{\n  field(\n    a: \"{argument}\"\n    b: 1\n  )\n}}", printed);
        Assert.Equal("{\n  field(a: \"short\", b: 1)\n}", Printer.Print(Parser.Parse("{ field(a: \"short\", b: 1) }")));
    }

    [Theory]
    [InlineData("", "\"\"\"\"\"\"")]
    [InlineData("simple", "\"\"\"simple\"\"\"")]
    [InlineData("  leading space", "\"\"\"  leading space\"\"\"")]
    [InlineData("trailing quote\"", "\"\"\"\ntrailing quote\"\n\"\"\"")]
    [InlineData("ends with slash\\", "\"\"\"\nends with slash\\\n\"\"\"")]
    [InlineData("has \"\"\" inside", "\"\"\"has \\\"\"\" inside\"\"\"")]
    [InlineData("ends with \"\"\"", "\"\"\"\nends with \\\"\"\"\n\"\"\"")]
    [InlineData("first\n  second", "\"\"\"\nfirst\n  second\n\"\"\"")]
    [InlineData("  indented\nsecond", "\"\"\"\n  indented\nsecond\n\"\"\"")]
    [InlineData("first\nsecond", "\"\"\"\nfirst\nsecond\n\"\"\"")]
    [InlineData("a long single line that goes past seventy characters for sure, really it does", "\"\"\"\na long single line that goes past seventy characters for sure, really it does\n\"\"\"")]
    public void Block_strings_print_like_graphql_js_and_keep_their_value(string value, string printed)
    {
        var node = new StringValueNode { Value = value, Block = true };
        Assert.Equal(printed, Printer.Print(node));
        Assert.Equal(value, ((StringValueNode)Parser.ParseValue(printed)).Value);
    }

    [Fact]
    public void Strings_escape_quotes_backslashes_and_control_characters()
    {
        var value = "q\" s\\ \b\f\n\r\t \u0000\u0007\u000B\u001F\u007F\u0080\u009F é \U0001F600";
        var printed = Printer.Print(new StringValueNode { Value = value });
        Assert.Equal("\"q\\\" s\\\\ \\b\\f\\n\\r\\t \\u0000\\u0007\\u000B\\u001F\\u007F\\u0080\\u009F é \U0001F600\"", printed);
        Assert.Equal(value, ((StringValueNode)Parser.ParseValue(printed)).Value);
    }

    [Fact]
    public void Block_string_descriptions_keep_their_value_when_indented_inside_blocks()
    {
        const string sdl = "type T {\n  \"\"\"\n  Line one.\n    Indented line.\n  \"\"\"\n  f(\"\"\"arg doc\"\"\" a: Int): Int\n}";
        var document = Parser.Parse(sdl);
        var printed = Printer.Print(document);
        Assert.Equal("type T {\n  \"\"\"\n  Line one.\n    Indented line.\n  \"\"\"\n  f(\n    \"\"\"arg doc\"\"\"\n    a: Int\n  ): Int\n}", printed);
        var field = ((ObjectTypeDefinitionNode)Parser.Parse(printed).Definitions[0]).Fields[0];
        Assert.Equal("Line one.\n  Indented line.", field.Description!.Value);
        AstAssert.Equal(document, Parser.Parse(printed));
    }

    [Fact]
    public void Values_and_types_print_on_their_own()
    {
        Assert.Equal("{a: [1, 2.5, \"s\", true, null, RED, $v], b: {}}", Printer.Print(Parser.ParseValue("{ a : [ 1 2.5 \"s\" true null RED $v ] b:{ } }")));
        Assert.Equal("[[Int!]]!", Printer.Print(Parser.ParseType("[ [ Int ! ] ] !")));
    }
}
