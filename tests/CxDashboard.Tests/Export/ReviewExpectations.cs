using System.Text;
using System.Text.Json;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Export;

/// <summary>What the GraphQL API says about a unit's subtree for a month: the oracle the workbook is compared with.</summary>
internal sealed class ReviewExpectations
{
    public static readonly string[] Counted = ["nps", "csat", "ces_agree", "fcr", "repeat_rate", "sla", "transfer_rate", "channel_switch", "abandonment", "containment"];
    public static readonly string[] Extra = ["response_time"];

    /// <summary>Unit code → (kind, metric → (value, n)) for every unit of the subtree the caller sees.</summary>
    public Dictionary<string, (string Kind, Dictionary<string, (double? Value, int N)> Values)> Units { get; } = new();

    /// <remarks>
    /// Reads one tree level at a time (each unit under an alias, 15 per request): a single query nesting
    /// <c>children</c> six deep is refused by the cost limit (GraphQL:MaxCost), as it would be for any client.
    /// </remarks>
    public static async Task<ReviewExpectations> ReadAsync(CxApp app, string persona, string unit, string month)
    {
        var fields = new StringBuilder("code kind children { code } ");
        foreach (var m in Counted.Concat(Extra)) fields.Append($"{m}: value(metric: \"{m}\", period: $p) {{ value n }} ");
        var e = new ReviewExpectations();
        var level = new List<string> { unit };
        while (level.Count > 0)
        {
            var next = new List<string>();
            // 15 units of 12 aliases each stay under the engine's alias limit (200).
            foreach (var chunk in level.Chunk(15))
            {
                var aliases = string.Concat(chunk.Select((code, i) => $"u{i}: unit(code: \"{code}\") {{ ...V }} "));
                var query = $"query($p: String!) {{ {aliases}}} fragment V on OrgUnit {{ {fields}}}";
                var body = await app.GraphQLAsync(persona, query, new Dictionary<string, object?> { ["p"] = month });
                Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
                for (var i = 0; i < chunk.Length; i++)
                {
                    var u = body.GetProperty("data").GetProperty($"u{i}");
                    var values = Counted.Concat(Extra).ToDictionary(m => m, m =>
                    {
                        var v = u.GetProperty(m);
                        return (v.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : v.GetProperty("value").GetDouble(), v.GetProperty("n").GetInt32());
                    });
                    e.Units[u.GetProperty("code").GetString()!] = (u.GetProperty("kind").GetString()!, values);
                    next.AddRange(u.GetProperty("children").EnumerateArray().Select(k => k.GetProperty("code").GetString()!));
                }
            }
            level = next;
        }
        return e;
    }
}
