using System.Globalization;

namespace CxDashboard.Api.Cli;

/// <summary>Minimal <c>--name value</c> / <c>--flag</c> parsing with clear usage errors.</summary>
internal sealed class CliOptions
{
    private readonly Dictionary<string, string?> given = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static CliOptions Parse(string[] args, string[] flags, string[] values)
    {
        var o = new CliOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (flags.Contains(a)) o.given[a] = null;
            else if (values.Contains(a))
            {
                if (i + 1 >= args.Length) throw new CliUsageException($"{a} needs a value");
                o.given[a] = args[++i];
            }
            else if (a.StartsWith("--", StringComparison.Ordinal))
            {
                throw new CliUsageException($"unknown option {a} (known: {string.Join(", ", flags.Concat(values))})");
            }
            else o.Positional.Add(a);
        }
        return o;
    }

    public bool Has(string name) => given.ContainsKey(name);

    public string? Value(string name) => given.GetValueOrDefault(name);

    public long Long(string name, long fallback) => Value(name) is { } v
        ? long.TryParse(v.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n : throw new CliUsageException($"{name}: '{v}' is not a non-negative whole number")
        : fallback;
}
