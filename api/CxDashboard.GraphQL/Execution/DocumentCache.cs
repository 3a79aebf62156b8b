using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// Parsed and validated documents by query text, bounded, least recently used evicted first. Invalid
/// documents are cached too (with their errors): a client retrying a bad query costs a lookup.
/// </summary>
internal sealed class DocumentCache(int capacity)
{
    internal sealed record Entry(DocumentNode? Document, ExecutionPlan? Plan, IReadOnlyList<GraphQLError> Errors);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, Entry Entry)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Entry Entry)> _order = new();

    public int Count
    {
        get
        {
            lock (_gate) return _map.Count;
        }
    }

    public bool TryGet(string query, out Entry entry)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(query, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                entry = node.Value.Entry;
                return true;
            }
        }
        entry = null!;
        return false;
    }

    public void Add(string query, Entry entry)
    {
        if (capacity <= 0) return;
        lock (_gate)
        {
            if (_map.TryGetValue(query, out var existing)) _order.Remove(existing);
            var node = _order.AddFirst((query, entry));
            _map[query] = node;
            while (_map.Count > capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }
}
