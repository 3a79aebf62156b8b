using System.ComponentModel;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Types;

/// <summary>
/// Fields bound to a member (<c>d.Field(x =&gt; x.Prop)</c>) read the parent on the executor's fast path, a conversion in
/// the expression types the field, and arguments declared from a record are read back as that record: names once.
/// </summary>
public sealed class DeclarativeFieldTests
{
    public enum Grain { Month, Quarter }

    public sealed record Line(string Code, string? Note, decimal Weight, long Count, Task<int> Later);

    public sealed record WindowArgs(
        [Description("How many.")] int First = 5,
        Grain Grain = Grain.Quarter,
        string? After = null);

    private sealed class LineType : ObjectTypeDefinition<Line>
    {
        protected override void Configure(IObjectTypeDescriptor<Line> d)
        {
            d.Name("Line");
            d.Field(l => l.Code);
            d.Field(l => l.Note);
            d.Field(l => (double)l.Weight);
            d.Field(l => l.Count);
            d.Field(l => l.Later);
            d.Field("window").Type("String!").Arguments<WindowArgs>()
                .Resolve(ctx => ctx.ArgumentsAs<WindowArgs>() is var a ? $"{a.First} {a.Grain} {a.After ?? "-"}" : null);
        }
    }

    private sealed class QueryType : ObjectTypeDefinition
    {
        protected override void Configure(IObjectTypeDescriptor d) =>
            d.Name("Query").Field("line").Type("Line!").Resolve(_ => new Line("A", null, 1.5m, 7, Task.FromResult(3)));
    }

    private static Schema Build() => SchemaBuilder.New().AddQueryType<QueryType>().AddType<LineType>().AddEnumType<Grain>().Build();

    [Fact]
    public void Member_fields_take_the_parent_fast_path_and_their_type_from_the_member_or_the_conversion()
    {
        var schema = Build();
        var line = (ObjectType)schema.GetType("Line")!;

        Assert.Equal(["code", "note", "weight", "count"], line.Fields.Where(f => f.ParentResolver is not null).Select(f => f.Name));
        Assert.Null(line.GetField("later")!.ParentResolver); // awaited: a full resolver
        Assert.Equal(""""
            type Line {
              code: String!
              note: String
              weight: Float!
              count: Int!
              later: Int!
              window(
                """How many."""
                first: Int! = 5
                grain: Grain! = QUARTER
                after: String
              ): String!
            }
            """".ReplaceLineEndings("\n"), Printed(schema, "Line"));
    }

    [Fact]
    public async Task Member_fields_and_record_arguments_resolve()
    {
        var r = await Run(Build(), """{ line { code note weight count later a: window b: window(first: 2, grain: MONTH, after: "x") } }""");
        Assert.Null(r.Errors);
        Assert.Equal("""{"line":{"code":"A","note":null,"weight":1.5,"count":7,"later":3,"a":"5 Quarter -","b":"2 Month x"}}""", Data(r));
    }

    /// <summary>The SDL of one type as the schema prints it.</summary>
    private static string Printed(Schema schema, string type)
    {
        var sdl = SchemaPrinter.Print(schema).ReplaceLineEndings("\n");
        var start = sdl.IndexOf($"type {type} {{", StringComparison.Ordinal);
        return sdl[start..(sdl.IndexOf("\n}", start, StringComparison.Ordinal) + 2)];
    }
}
