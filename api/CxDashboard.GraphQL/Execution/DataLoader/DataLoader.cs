namespace CxDashboard.GraphQL.Execution;

/// <summary>Loads many keys in one call: returns the values found (a missing key loads as default/null).</summary>
public delegate Task<IReadOnlyDictionary<TKey, TValue>> BatchLoadFunction<TKey, TValue>(
    IReadOnlyList<TKey> keys, CancellationToken cancellationToken) where TKey : notnull;

/// <summary>
/// A per-request batching, caching loader. Keys asked for while the executor resolves one level of the
/// tree are collected, de-duplicated and handed to the batch function in ONE call once the executor has
/// no synchronous work left; every key's result is cached for the rest of the request.
/// </summary>
public sealed class DataLoader<TKey, TValue> : IDataLoader where TKey : notnull
{
    private readonly BatchLoadFunction<TKey, TValue> _batch;
    private readonly DataLoaderRegistry _registry;
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, TaskCompletionSource<TValue?>> _cache = new();
    private List<TKey> _pending = [];

    internal DataLoader(string name, BatchLoadFunction<TKey, TValue> batch, DataLoaderRegistry registry, int? maxBatchSize = null)
    {
        if (maxBatchSize is < 1) throw new ArgumentOutOfRangeException(nameof(maxBatchSize), maxBatchSize, "A batch holds at least one key.");
        Name = name;
        _batch = batch;
        _registry = registry;
        MaxBatchSize = maxBatchSize;
    }

    public string Name { get; }

    /// <summary>
    /// The most keys one call of the batch function gets; a level with more keys is split into chunks of this
    /// size, called one after another (never concurrently, so a batch function need not be reentrant). Null
    /// (default): unbounded, one call per level, which suits SQL taking the keys as one array parameter
    /// (<c>= ANY(@ids)</c>). Set it when the source caps a request (an IN list's parameter limit, a REST API
    /// taking 100 ids per call).
    /// </summary>
    public int? MaxBatchSize { get; }

    /// <summary>How many times the batch function ran (for tests and diagnostics).</summary>
    public int BatchCount { get; private set; }

    /// <summary>The value for <paramref name="key"/>; cached per request, batched with the level's other keys.</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        TaskCompletionSource<TValue?> tcs;
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached)) return cached.Task;
            tcs = new TaskCompletionSource<TValue?>();
            _cache[key] = tcs;
            _pending.Add(key);
        }
        _registry.KeyQueued();
        return tcs.Task;
    }

    /// <summary>The values of several keys, in the keys' order.</summary>
    public async Task<IReadOnlyList<TValue?>> LoadManyAsync(IEnumerable<TKey> keys) =>
        await Task.WhenAll(keys.Select(LoadAsync)).ConfigureAwait(true);

    bool IDataLoader.HasPending
    {
        get
        {
            lock (_gate) return _pending.Count > 0;
        }
    }

    void IDataLoader.Dispatch(CancellationToken cancellationToken)
    {
        List<TKey> keys;
        lock (_gate)
        {
            if (_pending.Count == 0) return;
            keys = _pending;
            _pending = [];
        }
        if (MaxBatchSize is not { } max || keys.Count <= max)
        {
            BatchCount++;
            _ = RunBatchAsync(keys, cancellationToken);
            return;
        }
        var chunks = keys.Chunk(max).Select(c => c.ToList()).ToList();
        BatchCount += chunks.Count;
        _ = RunChunksAsync(chunks, cancellationToken);
    }

    private async Task RunChunksAsync(List<List<TKey>> chunks, CancellationToken cancellationToken)
    {
        foreach (var chunk in chunks) await RunBatchAsync(chunk, cancellationToken).ConfigureAwait(true);
    }

    private async Task RunBatchAsync(List<TKey> keys, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<TKey, TValue> values;
        try
        {
            values = await _batch(keys, cancellationToken).ConfigureAwait(true)
                ?? throw new InvalidOperationException($"The batch function of DataLoader \"{Name}\" returned null.");
        }
        catch (Exception e)
        {
            // every field waiting on this batch gets the batch's error
            foreach (var key in keys) Completion(key).TrySetException(e);
            return;
        }
        foreach (var key in keys)
            Completion(key).TrySetResult(values.TryGetValue(key, out var v) ? v : default);
    }

    private TaskCompletionSource<TValue?> Completion(TKey key)
    {
        lock (_gate) return _cache[key];
    }
}

/// <summary>What the registry needs from a loader, whatever its key and value types.</summary>
internal interface IDataLoader
{
    bool HasPending { get; }
    void Dispatch(CancellationToken cancellationToken);
}
