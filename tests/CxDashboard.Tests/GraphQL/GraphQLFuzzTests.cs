using System.Globalization;
using System.Text;
using System.Text.Json;
using CxDashboard.GraphQL.Types;
using CxDashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CxDashboard.Tests.GraphQL;

/// <summary>
/// Issue 12's fuzz run: at least 10,000 random requests over the whole schema (every root field of Query and
/// Mutation with random selections, aliases, fragments and argument values, literal or by variable), random nesting
/// and sizes, broken encodings and token soup, against one freshly started host on demo data. Every answer must be
/// data or a spec error (an errors array of messages), never a 500, never "Unexpected error."; the host answers a
/// normal query at the end. The seed is random per run (CX_FUZZ_SEED repeats one) and printed with the count.
/// </summary>
public sealed class GraphQLFuzzTests(GraphQLFuzzTests.App app, ITestOutputHelper output) : IClassFixture<GraphQLFuzzTests.App>
{
    /// <summary>A smaller demo data set than the other hardening tests: the fuzz is about answers' shape, not figures.</summary>
    public sealed class App : HardenedApp
    {
        protected override int Responses => 2_000;
    }

    private const int Documents = 10_000;
    private const int Clients = 4;

    [Fact]
    public async Task Ten_thousand_random_requests_get_data_or_spec_errors_and_the_host_lives()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CX_FUZZ_SEED"), out var s) ? s : Random.Shared.Next();
        var schema = app.Factory.Services.GetRequiredService<Schema>();
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var started = DateTime.UtcNow;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Check(bool ok, string what)
        {
            if (!ok && failures.Count < 30) failures.Enqueue(what);
        }

        // four clients at once, each with its own generator seeded from the run's seed (a failure names both)
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            var fuzz = new Fuzzer(schema, new Random(HashCode.Combine(seed, client)));
            for (var i = client; i < Documents; i += Clients)
            {
                var (kind, persona, body) = fuzz.Next();
                counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
                var (status, answer) = await app.PostAsync(persona, body);
                var where = $"(seed {seed}, client {client}, request {i}, {kind}) {Shorten(Encoding.UTF8.GetString(body))}";
                Check(status is 200 or 400 or 413, $"HTTP {status} {where}: {answer}");
                var hasData = answer.TryGetProperty("data", out _);
                if (answer.TryGetProperty("errors", out var errors))
                {
                    Check(errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0, $"errors not a non-empty array {where}: {answer}");
                    foreach (var error in errors.ValueKind == JsonValueKind.Array ? errors.EnumerateArray().ToArray() : [])
                    {
                        var hasMessage = error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String;
                        Check(hasMessage, $"an error without a message {where}: {error}");
                        Check(!hasMessage || message.GetString() != "Unexpected error.", $"masked error {where}: {error}");
                    }
                }
                else Check(hasData, $"neither data nor errors {where}: {answer}");
            }
        }));
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} bad answers (first 30):\n" + string.Join("\n", failures));
        await app.AssertAliveAsync();
        var summary = $"graphql fuzz: seed {seed}, {Documents} requests ({string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}) in {(DateTime.UtcNow - started).TotalSeconds:0} s, every answer data or a spec error";
        output.WriteLine(summary);
        Console.Error.WriteLine(summary);
    }

    private static string Shorten(string s) => s.Length <= 400 ? s : s[..400] + $"… ({s.Length} chars)";

    /// <summary>Random requests: mostly schema-driven documents, some hostile nesting, token soup and broken bytes.</summary>
    private sealed class Fuzzer(Schema schema, Random rng)
    {
        private static readonly string[] Personas = ["executive", "partner_manager", "analyst", "department_head"];
        private static readonly string[] Strings =
        [
            "CO", "DIV-RETAIL", "DEP-RETAIL-STORES", "PRT-ACME", "nps", "csat", "fcr", "ces", "premium", "phone",
            "2026", "2026-05", "2026-Q2", "2026-W05", "2026-05-02", "2026-05-02..2026-05-06", "2025-10..2026-10",
            "9999-12-31", "0001-01-01", "0001-01-01..9999-12-31", "2026-13", "2026-02-30", "2026-W54", "1899-12-31",
            "", " ", "a\u0000b", "\u0000", "zoë 🏃", "\ud800", "x\udc00y", "'; DROP TABLE org_unit; --", "%", "_", "\\",
        ];
        private static readonly string[] Dates = ["2026-05-01", "2026-10-01", "9999-12-31", "0001-01-01", "2026-02-30", "yesterday"];
        private static readonly long[] Ints = [0, 1, -1, 2, 5, 13, 100, 101, 120, 121, 1000, int.MaxValue, int.MinValue];

        private readonly List<(string Name, string Type)> _variables = [];
        private readonly Dictionary<string, object?> _values = [];

        public (string Kind, string Persona, byte[] Body) Next()
        {
            var persona = Personas[rng.Next(Personas.Length)];
            var roll = rng.Next(100);
            if (roll < 6) return ("bytes", persona, BrokenBytes());
            if (roll < 12) return ("nesting", persona, Json(DeepDocument(), null));
            if (roll < 16) return ("soup", persona, Json(TokenSoup(), null));
            if (roll < 19) return ("deep-json", persona, DeepJson());
            _variables.Clear();
            _values.Clear();
            var mutation = schema.MutationType is not null && rng.Next(8) == 0;
            var root = mutation ? schema.MutationType! : schema.QueryType;
            var sb = new StringBuilder();
            var selection = Selection(root, 0);
            var header = _variables.Count == 0 ? "" : "(" + string.Join(", ", _variables.Select(v => $"${v.Name}: {v.Type}")) + ")";
            sb.Append(mutation ? "mutation" : "query").Append(header).Append(' ').Append(selection);
            if (rng.Next(6) == 0) sb.Append(" fragment unused on Query { __typename }");
            return (mutation ? "mutation" : "query", persona, Json(sb.ToString(), _values.Count == 0 ? null : new Dictionary<string, object?>(_values)));
        }

        private string Selection(ComplexType type, int depth)
        {
            // startRollupRun included: the four clients trigger it concurrently (it answers ENQUEUED or ALREADY_QUEUED)
            var fields = type.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)).ToList();
            var picks = 1 + rng.Next(Math.Min(4, fields.Count));
            var sb = new StringBuilder("{");
            for (var i = 0; i < picks; i++)
            {
                var field = fields[rng.Next(fields.Count)];
                var text = new StringBuilder();
                if (rng.Next(3) == 0) text.Append('a').Append(i).Append(": ");
                text.Append(field.Name);
                if (field.Arguments.Count > 0 && rng.Next(10) != 0)
                {
                    var args = field.Arguments.Where(a => a.Type is NonNullType || rng.Next(2) == 0).ToList();
                    if (args.Count > 0) text.Append('(').Append(string.Join(", ", args.Select(a => a.Name + ": " + Argument(a.Type)))).Append(')');
                }
                if (field.Type.NamedType is ComplexType sub)
                    text.Append(' ').Append(depth >= 3 || rng.Next(20) == 0 ? "{ __typename }" : Selection(sub, depth + 1));
                else if (field.Type.NamedType is UnionType)
                    text.Append(" { __typename }");
                sb.Append(' ').Append(rng.Next(12) == 0 ? $"... on {type.Name} {{ {text} }}" : text.ToString());
            }
            return sb.Append(" }").ToString();
        }

        /// <summary>An argument: a literal, or (one time in four) a variable whose JSON value is random.</summary>
        private string Argument(GraphQLType type)
        {
            if (rng.Next(4) == 0)
            {
                var name = "v" + _variables.Count.ToString(CultureInfo.InvariantCulture);
                _variables.Add((name, type.ToString()));
                _values[name] = Raw(type, 0);
                return "$" + name;
            }
            return Literal(type, 0);
        }

        private string Literal(GraphQLType type, int depth)
        {
            if (depth > 5) return "null";
            if (rng.Next(25) == 0) return WrongLiteral(depth);
            var named = type is NonNullType nn ? nn.OfType : type;
            if (named is ListType list)
            {
                if (rng.Next(5) == 0) return Literal(list.OfType, depth + 1); // a single value for a list
                return "[" + string.Join(", ", Enumerable.Range(0, rng.Next(4)).Select(_ => Literal(list.OfType, depth + 1))) + "]";
            }
            if (type is not NonNullType && rng.Next(12) == 0) return "null";
            return named switch
            {
                EnumType e => rng.Next(8) == 0 ? "NOT_A_VALUE" : e.Values[rng.Next(e.Values.Count)].Name,
                InputObjectType input => "{" + string.Join(", ", input.Fields
                    .Where(f => f.Type is NonNullType || rng.Next(2) == 0)
                    .Select(f => f.Name + ": " + Literal(f.Type, depth + 1))) + (rng.Next(15) == 0 ? ", bogus: 1" : "") + "}",
                ScalarType { Name: "Int" } => rng.Next(15) == 0 ? "99999999999" : Ints[rng.Next(Ints.Length)].ToString(CultureInfo.InvariantCulture),
                ScalarType { Name: "Float" or "Decimal" } => (rng.NextDouble() * 200 - 50).ToString("0.###", CultureInfo.InvariantCulture),
                ScalarType { Name: "Boolean" } => rng.Next(2) == 0 ? "true" : "false",
                ScalarType { Name: "Date" } => StringLiteral(Dates[rng.Next(Dates.Length)]),
                ScalarType { Name: "DateTime" } => StringLiteral(rng.Next(2) == 0 ? "2026-05-01T10:00:00Z" : "9999-12-31T23:59:59+14:00"),
                _ => StringLiteral(RandomString()),
            };
        }

        private string WrongLiteral(int depth) => rng.Next(6) switch
        {
            0 => "1.5",
            1 => "{ a: [1, 2] }",
            2 => new string('[', 5 + depth) + "1" + new string(']', 5 + depth),
            3 => "\"" + new string('x', 20_000) + "\"",
            4 => "$undeclared",
            _ => "ENUM_LIKE",
        };

        /// <summary>A JSON value for a variable of <paramref name="type"/>, sometimes of the wrong shape.</summary>
        private object? Raw(GraphQLType type, int depth)
        {
            if (rng.Next(20) == 0) return rng.Next(3) switch { 0 => new Dictionary<string, object?> { ["x"] = 1 }, 1 => new List<object?> { "a", 2 }, _ => 3.5 };
            var named = type is NonNullType nn ? nn.OfType : type;
            if (type is not NonNullType && rng.Next(12) == 0) return null;
            return named switch
            {
                ListType list => Enumerable.Range(0, rng.Next(4)).Select(_ => Raw(list.OfType, depth + 1)).ToList(),
                EnumType e => rng.Next(8) == 0 ? "nope" : e.Values[rng.Next(e.Values.Count)].Name,
                InputObjectType input => input.Fields.Where(f => f.Type is NonNullType || rng.Next(2) == 0)
                    .ToDictionary(f => f.Name, f => depth > 4 ? null : Raw(f.Type, depth + 1)),
                ScalarType { Name: "Int" } => rng.Next(10) == 0 ? (object)1e12 : Ints[rng.Next(Ints.Length)],
                ScalarType { Name: "Float" or "Decimal" } => rng.NextDouble() * 100,
                ScalarType { Name: "Boolean" } => rng.Next(2) == 0,
                ScalarType { Name: "Date" } => Dates[rng.Next(Dates.Length)],
                _ => Writable(RandomString()),
            };
        }

        private string RandomString() => rng.Next(10) switch
        {
            0 => new string((char)rng.Next(0x20, 0x7F), rng.Next(0, 3000)),
            1 => string.Concat(Enumerable.Range(0, rng.Next(1, 12)).Select(_ => (char)rng.Next(0, 0xD7FF))),
            _ => Strings[rng.Next(Strings.Length)],
        };

        /// <summary>
        /// A GraphQL string literal: quote, backslash, controls and surrogates escaped as \uXXXX (a lone surrogate's escape
        /// is one the lexer refuses).
        /// </summary>
        private static string StringLiteral(string value)
        {
            var sb = new StringBuilder("\"");
            foreach (var c in value)
            {
                if (c is '"' or '\\') sb.Append('\\').Append(c);
                else if (c < ' ' || char.IsSurrogate(c)) sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
            return sb.Append('"').ToString();
        }

        /// <summary>A string a JSON writer can write (variables): lone surrogates replaced; broken encodings have their own case.</summary>
        private static string Writable(string value) =>
            string.Concat(value.Select((c, i) => char.IsSurrogate(c) && !char.IsSurrogatePair(value, char.IsHighSurrogate(c) ? i : Math.Max(0, i - 1)) ? '\ufffd' : c));

        private string DeepDocument()
        {
            var depth = rng.Next(2) == 0 ? rng.Next(100, 140) : rng.Next(140, 3_000);
            string Rep(string s, int n) => new StringBuilder().Insert(0, s, n).ToString();
            return rng.Next(5) switch
            {
                0 => "{ unit(code: " + Rep("[", depth) + "\"CO\"" + Rep("]", depth) + ") { code } }",
                1 => "{ unit(code: \"CO\") { value(metric: \"nps\", period: \"2026\", slice: " + Rep("{dimension: SEGMENT, value: ", depth / 2) + "\"x\"" + Rep("}", depth / 2) + ") { value } } }",
                2 => "{ units " + Rep("{ children ", depth) + "{ code }" + Rep(" }", depth) + " }",
                3 => "query($v: " + Rep("[", depth) + "String" + Rep("]", depth) + ") { metrics { code } }",
                _ => "{ ...F0 } " + string.Concat(Enumerable.Range(0, depth / 4).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} }} ")) + $"fragment F{depth / 4} on Query {{ metrics {{ code }} }}",
            };
        }

        private string TokenSoup()
        {
            string[] tokens = ["{", "}", "(", ")", "[", "]", ":", "...", "$", "@", "=", "!", "|", "&", "query", "mutation", "fragment", "on", "unit", "code", "\"x\"", "1", "-0.5e3", "\"\"\"block\"\"\"", "#c\n", "units", "__schema", "\u00e9", "\u0000", "\t"];
            return string.Join(rng.Next(2) == 0 ? " " : "", Enumerable.Range(0, rng.Next(1, 60)).Select(_ => tokens[rng.Next(tokens.Length)]));
        }

        private byte[] BrokenBytes()
        {
            var json = Encoding.UTF8.GetString(Json("{ unit(code: \"CO\") { code name } }", null));
            return rng.Next(6) switch
            {
                0 => [.. Encoding.UTF8.GetBytes(json[..^5]), 0xFF, 0xFE],
                1 => Encoding.UTF8.GetBytes(json.Replace("CO", "C\\ud800O", StringComparison.Ordinal)),
                2 => [.. Encoding.UTF8.GetBytes(json)[..20], 0xC3, 0x28, .. Encoding.UTF8.GetBytes(json)[20..]],
                3 => Enumerable.Range(0, rng.Next(1, 200)).Select(_ => (byte)rng.Next(256)).ToArray(),
                4 => Encoding.UTF8.GetBytes("{\"query\": 12, \"variables\": [1]}"),
                _ => Encoding.UTF8.GetBytes(json.Replace("\"query\"", "\"query\":null,\"query\"", StringComparison.Ordinal)),
            };
        }

        private byte[] DeepJson()
        {
            var depth = rng.Next(50, 5_000);
            return Encoding.UTF8.GetBytes("{\"query\":\"query($c: ID!) { unit(code: $c) { code } }\",\"variables\":{\"c\":"
                + new string('[', depth) + "\"CO\"" + new string(']', depth) + "}}");
        }

        private static byte[] Json(string query, Dictionary<string, object?>? variables) =>
            JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?> { ["query"] = query, ["variables"] = variables });
    }
}
