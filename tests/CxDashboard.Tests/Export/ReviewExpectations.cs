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

    public static async Task<ReviewExpectations> ReadAsync(CxApp app, string persona, string unit, string month)
    {
        var fields = new StringBuilder("code kind ");
        foreach (var m in Counted.Concat(Extra)) fields.Append($"{m}: value(metric: \"{m}\", period: $p) {{ value n }} ");
        var nested = "";
        for (var i = 0; i < 6; i++) nested = $"children {{ ...V {nested} }}";
        var query = $"query($u: String!, $p: String!) {{ unit(code: $u) {{ ...V {nested} }} }} fragment V on OrgUnit {{ {fields} }}";
        var body = await app.GraphQLAsync(persona, query, new Dictionary<string, object?> { ["u"] = unit, ["p"] = month });
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        var e = new ReviewExpectations();
        void Walk(JsonElement u)
        {
            var values = Counted.Concat(Extra).ToDictionary(m => m, m =>
            {
                var v = u.GetProperty(m);
                return (v.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : v.GetProperty("value").GetDouble(), v.GetProperty("n").GetInt32());
            });
            e.Units[u.GetProperty("code").GetString()!] = (u.GetProperty("kind").GetString()!, values);
            if (u.TryGetProperty("children", out var kids)) foreach (var k in kids.EnumerateArray()) Walk(k);
        }
        Walk(body.GetProperty("data").GetProperty("unit"));
        return e;
    }
}
