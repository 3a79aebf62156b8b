using System.Diagnostics;
using System.Text;
using CxDashboard.GraphQL.Language;
using CxDashboard.GraphQL.Types;
using CxDashboard.GraphQL.Validation;

namespace CxDashboard.Benchmarks;

/// <summary>
/// GraphQL validation cost next to parsing the same text (baseline, measured in the same run): all 26 rules
/// and every limit share one walk, so validating should stay within a small multiple of parsing, also for
/// documents built to make naive validators blow up (a fragment spread doubled at every level, hundreds of
/// identical overlapping fields, deep nesting).
/// </summary>
internal static class ValidationBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var iterations = args.Length >= 2 && args[0] == "--iterations" ? int.Parse(args[1]) : 200;
        var schema = BuildSchema();
        var options = new ValidationOptions { MaxDepth = 100, MaxNodes = int.MaxValue, MaxAliases = 10_000, MaxCost = int.MaxValue };
        Console.WriteLine($"validation benchmark: {iterations} iterations per document, {Environment.ProcessorCount} cores");
        Console.WriteLine($"  {"document",-44} {"chars",7} {"parse µs",10} {"validate µs",12} {"validate/parse",15}");
        foreach (var (name, text) in Documents())
        {
            var parse = Time(iterations, () => Parser.Parse(text));
            var document = Parser.Parse(text);
            var errors = DocumentValidator.Validate(schema, document, options);
            var validate = Time(iterations, () => DocumentValidator.Validate(schema, document, options));
            Console.WriteLine($"  {name,-44} {text.Length,7} {parse,10:0.0} {validate,12:0.0} {validate / parse,14:0.0}× ({errors.Count} errors)");
        }
        return Task.FromResult(0);
    }

    private static double Time(int iterations, Action action)
    {
        for (var i = 0; i < Math.Min(20, iterations); i++) action(); // warm-up
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++) action();
        return sw.Elapsed.TotalMicroseconds / iterations;
    }

    private static IEnumerable<(string, string)> Documents()
    {
        yield return ("typical query with fragments and variables", """
            query Team($id: ID!, $first: Int = 20, $withFriends: Boolean!) {
              person(id: $id) { ...PersonFields friends(first: $first) @include(if: $withFriends) { ...PersonFields } }
              search(text: "x") { __typename ... on Person { name } ... on Team { title members(first: 5) { name } } }
            }
            fragment PersonFields on Person { id name age team { title members(first: 3) { id name } } }
            """);

        var bomb = new StringBuilder("{ person(id: 1) { ...F0 } }\n");
        for (var k = 0; k < 20; k++) bomb.Append($"fragment F{k} on Person {{ a: best {{ ...F{k + 1} }} b: best {{ ...F{k + 1} }} }}\n");
        bomb.Append("fragment F20 on Person { name }\n");
        yield return ("fragment bomb (2^20 expanded fields)", bomb.ToString());

        yield return ("500 identical fields (pairwise merge)", "{ person(id: 1) { " + string.Concat(Enumerable.Repeat("name ", 500)) + "} }");

        var deep = new StringBuilder("{ person(id: 1) { ");
        for (var i = 0; i < 60; i++) deep.Append("best { ");
        deep.Append("name").Append(' ', 1).Append(string.Concat(Enumerable.Repeat("} ", 62)));
        yield return ("60 levels of nesting", deep.ToString());
    }

    private static Schema BuildSchema()
    {
        var person = new ObjectType("Person");
        var team = new ObjectType("Team");
        person.AddField(new FieldDefinition("id", new NonNullType(BuiltInScalars.ID)));
        person.AddField(new FieldDefinition("name", BuiltInScalars.String));
        person.AddField(new FieldDefinition("age", BuiltInScalars.Int));
        person.AddField(new FieldDefinition("team", team));
        person.AddField(new FieldDefinition("best", person));
        person.AddField(new FieldDefinition("friends", new ListType(person)) { Arguments = { new InputValueDefinition("first", BuiltInScalars.Int) } });
        team.AddField(new FieldDefinition("title", BuiltInScalars.String));
        team.AddField(new FieldDefinition("members", new ListType(person)) { Arguments = { new InputValueDefinition("first", BuiltInScalars.Int) } });
        var result = new UnionType("SearchResult") { Types = { person, team } };
        var query = new ObjectType("Query");
        query.AddField(new FieldDefinition("person", person) { Arguments = { new InputValueDefinition("id", new NonNullType(BuiltInScalars.ID)) } });
        query.AddField(new FieldDefinition("search", new ListType(result)) { Arguments = { new InputValueDefinition("text", BuiltInScalars.String) } });
        return new Schema(query);
    }
}
