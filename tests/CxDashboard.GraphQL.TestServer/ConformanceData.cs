using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CxDashboard.GraphQL.TestServer;

/// <summary>
/// tests/conformance/data.json and the rules that turn its value specs into resolver results. The Node
/// side (tests/conformance/lib/reference.mjs, <c>evaluate</c>) implements the same rules for graphql-js;
/// both must compute identical data, so keep the two in step.
/// </summary>
public sealed class ConformanceData
{
    private readonly Dictionary<string, object?> _root;
    private readonly Dictionary<string, object?> _objects;

    private ConformanceData(Dictionary<string, object?> root)
    {
        _root = root;
        _objects = (Dictionary<string, object?>)root["objects"]!;
    }

    public static ConformanceData Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return new ConformanceData((Dictionary<string, object?>)FromJson(doc.RootElement)!);
    }

    /// <summary>The parent of a root field: the data of the root type ("Query", "Mutation", "Subscription").</summary>
    public object? RootOf(string typeName) => _root.GetValueOrDefault(typeName);

    /// <summary>Plain CLR values: objects become dictionaries, integral numbers long, others double.</summary>
    public static object? FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Aggregate(new Dictionary<string, object?>(StringComparer.Ordinal),
            (d, p) => { d[p.Name] = FromJson(p.Value); return d; }),
        JsonValueKind.Array => e.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>Evaluates a value spec with the field's coerced arguments (rules in data.json's $comment).</summary>
    public object? Evaluate(object? spec, IReadOnlyDictionary<string, object?> args)
    {
        switch (spec)
        {
            case null:
                return null;
            case List<object?> list:
                return list.Select(s => Evaluate(s, args)).ToList();
            case Dictionary<string, object?> o when o.TryGetValue("$ref", out var id):
                return _objects.GetValueOrDefault((string)id!);
            case Dictionary<string, object?> o when o.TryGetValue("$error", out var message):
                throw new ConformanceResolverException((string)message!);
            case Dictionary<string, object?> o when o.TryGetValue("$arg", out var path):
                return ArgPath(args, (string)path!);
            case Dictionary<string, object?> o when o.TryGetValue("$lookup", out var argName):
            {
                var table = (Dictionary<string, object?>)o["in"]!;
                return table.TryGetValue(LookupKey(args, (string)argName!), out var hit) ? Evaluate(hit, args) : null;
            }
            case Dictionary<string, object?> o when o.TryGetValue("$find", out var argName):
            {
                var found = args.GetValueOrDefault((string)argName!) is string key ? _objects.GetValueOrDefault(key) as Dictionary<string, object?> : null;
                var types = o.GetValueOrDefault("types") as List<object?>;
                return found is not null && (types is null || types.Contains(found["__typename"])) ? found : null;
            }
            case Dictionary<string, object?> o when o.TryGetValue("$slice", out var argNames):
            {
                var names = (List<object?>)argNames!;
                var items = (List<object?>)Evaluate(o["of"], args)!;
                var start = Math.Min(Math.Max(IntArg(args, (string)names[0]!) ?? 0, 0), items.Count);
                var count = Math.Max(IntArg(args, (string)names[1]!) ?? items.Count, 0);
                return items.Skip(start).Take(Math.Min(items.Count, start + count) - start).ToList();
            }
            case Dictionary<string, object?> o when o.TryGetValue("$search", out var argName):
            {
                var text = (string)args[(string)argName!]!;
                return ((List<object?>)Evaluate(o["of"], args)!)
                    .Where(x => x is Dictionary<string, object?> d && ((string)d["name"]!).Contains(text, StringComparison.Ordinal))
                    .ToList();
            }
            case Dictionary<string, object?> o when o.ContainsKey("$echo"):
                return CanonicalJson(args);
            case Dictionary<string, object?> o when o.TryGetValue("$object", out var fields):
                return ((Dictionary<string, object?>)fields!).ToDictionary(kv => kv.Key, kv => Evaluate(kv.Value, args), StringComparer.Ordinal);
            default:
                return spec;
        }
    }

    private static int? IntArg(IReadOnlyDictionary<string, object?> args, string name) =>
        args.GetValueOrDefault(name) is { } v ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : null;

    private static object? ArgPath(IReadOnlyDictionary<string, object?> args, string path)
    {
        object? v = args;
        foreach (var part in path.Split('.'))
        {
            if (v is not IReadOnlyDictionary<string, object?> d || !d.TryGetValue(part, out v)) return null;
        }
        return v;
    }

    private static string LookupKey(IReadOnlyDictionary<string, object?> args, string name) =>
        !args.TryGetValue(name, out var v) ? "$absent" : v is string s ? s : CanonicalJson(v);

    /// <summary>JSON with object keys sorted by UTF-16 code units, numbers written the way JavaScript writes them.</summary>
    public static string CanonicalJson(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case string s:
                WriteString(sb, s);
                break;
            case int or long or short or byte:
                sb.Append(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                sb.Append(JsNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture)));
                break;
            case Enum e:
                WriteString(sb, e.ToString());
                break;
            case IReadOnlyDictionary<string, object?> d:
            {
                sb.Append('{');
                var first = true;
                foreach (var key in d.Keys.OrderBy(k => k, StringComparer.Ordinal))
                {
                    if (!first) sb.Append(',');
                    first = false;
                    WriteString(sb, key);
                    sb.Append(':');
                    Write(sb, d[key]);
                }
                sb.Append('}');
                break;
            }
            case System.Collections.IDictionary d:
                Write(sb, d.Keys.Cast<object>().ToDictionary(k => (string)k, k => d[k]) as IReadOnlyDictionary<string, object?>);
                break;
            case System.Collections.IEnumerable list:
            {
                sb.Append('[');
                var first = true;
                foreach (var item in list)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    Write(sb, item);
                }
                sb.Append(']');
                break;
            }
            default:
                WriteString(sb, value.ToString() ?? "");
                break;
        }
    }

    /// <summary>JSON.stringify's string escaping.</summary>
    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    var loneSurrogate = char.IsHighSurrogate(c) ? i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])
                        : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(s[i - 1]));
                    if (c < 0x20 || loneSurrogate) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    /// <summary>Number.prototype.toString (ECMA-262 Number::toString) from .NET's shortest round-trip digits.</summary>
    public static string JsNumber(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) return "null";
        if (d == 0) return "0";
        // Shortest round-trip digits ("R"), possibly in exponent form; normalised to digits + exponent.
        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        if (negative) shortest = shortest[1..];
        int exp10;
        string mantissa;
        var ePos = shortest.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            mantissa = shortest[..ePos];
            exp10 = int.Parse(shortest[(ePos + 1)..], CultureInfo.InvariantCulture);
        }
        else
        {
            mantissa = shortest;
            exp10 = 0;
        }
        var dot = mantissa.IndexOf('.');
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : "";
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;
        // n: position of the decimal point relative to the first significant digit (ECMA's n).
        var n = intPart.Length - leadingZeros + exp10;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) return "0";
        var k = digits.Length;
        string result;
        if (k <= n && n <= 21) result = digits + new string('0', n - k);
        else if (0 < n && n <= 21) result = digits[..n] + "." + digits[n..];
        else if (-6 < n && n <= 0) result = "0." + new string('0', -n) + digits;
        else
        {
            var e = n - 1;
            var sign = e >= 0 ? "+" : "-";
            result = (k == 1 ? digits : digits[..1] + "." + digits[1..]) + "e" + sign + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        }
        return negative ? "-" + result : result;
    }
}

/// <summary>
/// A resolver failure planted in data.json (<c>{"$error": "…"}</c>); its message is the field error's. A
/// GraphQLException, i.e. raised on purpose: the engine masks any other exception as "Unexpected error.".
/// </summary>
public sealed class ConformanceResolverException(string message) : GraphQLException(new GraphQLError(message));
