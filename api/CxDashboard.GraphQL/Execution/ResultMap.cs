using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// One object of a response. "ExecuteSelectionSet … Return resultMap": an ordered map whose keys are the response keys
/// of the grouped field set, in order. https://spec.graphql.org/October2021/#sec-Executing-Selection-Sets
/// </summary>
/// <remarks>
/// The keys, and their JSON encoding, belong to the grouped field set (<see cref="ResponseKeys"/>) and are shared by every
/// object completed from it; a map holds only its values, by position. A large answer has thousands of objects, and a
/// dictionary each (buckets, entries, a hash per key) cost more than the values themselves. Lookups by key scan the few
/// keys of one selection set.
/// </remarks>
public sealed class ResultMap : IReadOnlyDictionary<string, object?>
{
    private readonly ResponseKeys keys;
    private readonly object?[] values;
    private bool[]? absent; // only fields unknown to the type (unvalidated documents) leave a key out

    internal ResultMap(ResponseKeys keys)
    {
        this.keys = keys;
        values = new object?[keys.Names.Length];
    }

    internal void Set(int index, object? value) => values[index] = value;

    internal void Leave(int index) => (absent ??= new bool[values.Length])[index] = true;

    /// <summary>Entry positions: 0 … Width − 1, each with a key unless <see cref="Has"/> says it was left out.</summary>
    internal int Width => values.Length;

    internal bool Has(int index) => absent is null || !absent[index];

    internal JsonEncodedText EncodedKeyAt(int index) => keys.Encoded[index];

    internal object? ValueAt(int index) => values[index];

    public int Count => absent is null ? values.Length : absent.Count(a => !a);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No response key '{key}'.");

    public IEnumerable<string> Keys => this.Select(e => e.Key);

    public IEnumerable<object?> Values => this.Select(e => e.Value);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var names = keys.Names;
        for (var i = 0; i < names.Length; i++)
        {
            if (Has(i) && names[i] == key)
            {
                value = values[i];
                return true;
            }
        }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < values.Length; i++)
            if (Has(i)) yield return new(keys.Names[i], values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The response keys of a grouped field set, in order, with their JSON property names encoded once.</summary>
public sealed class ResponseKeys
{
    internal ResponseKeys(string[] names)
    {
        Names = names;
        // The encoder of the response writer (ExecutionResultWriter.WriterOptions); GraphQL names never need escaping anyway.
        Encoded = [.. names.Select(n => JsonEncodedText.Encode(n, JavaScriptEncoder.UnsafeRelaxedJsonEscaping))];
    }

    internal string[] Names { get; }

    internal JsonEncodedText[] Encoded { get; }
}
