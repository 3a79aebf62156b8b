using System.Text.Json;

namespace CxDashboard.GraphQL.Http;

/// <summary>
/// Turns JSON into the engine's raw input values: null, bool, string, long (integers that fit), double
/// (every other number), <c>IReadOnlyList&lt;object?&gt;</c> and <c>IReadOnlyDictionary&lt;string, object?&gt;</c>.
/// </summary>
public static class JsonInput
{
    public static object? ToRaw(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.Array => ToList(element),
        JsonValueKind.Object => ToMap(element),
        _ => throw new ArgumentOutOfRangeException(nameof(element), element.ValueKind, null),
    };

    public static IReadOnlyDictionary<string, object?> ToMap(JsonElement element)
    {
        var map = new Dictionary<string, object?>();
        foreach (var property in element.EnumerateObject()) map[property.Name] = ToRaw(property.Value);
        return map;
    }

    private static IReadOnlyList<object?> ToList(JsonElement element)
    {
        var list = new List<object?>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray()) list.Add(ToRaw(item));
        return list;
    }
}
