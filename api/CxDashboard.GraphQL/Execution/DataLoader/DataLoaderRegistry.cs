namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// The DataLoaders of one request, kept in the request's ContextData under <see cref="ContextKey"/>.
/// The executor dispatches every loader's queued keys when its scheduler runs out of synchronous work.
/// </summary>
public sealed class DataLoaderRegistry
{
    public const string ContextKey = "CxDashboard.GraphQL.DataLoaderRegistry";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, object> _loaders = new(StringComparer.Ordinal);
    private readonly ExecutionScheduler _scheduler;
    private readonly CancellationToken _cancellationToken;

    internal DataLoaderRegistry(ExecutionScheduler scheduler, CancellationToken cancellationToken)
    {
        _scheduler = scheduler;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The loader named <paramref name="name"/>, created with <paramref name="batch"/> and
    /// <paramref name="maxBatchSize"/> (see <see cref="DataLoader{TKey,TValue}.MaxBatchSize"/>) on first use.
    /// </summary>
    public DataLoader<TKey, TValue> GetOrAdd<TKey, TValue>(string name, BatchLoadFunction<TKey, TValue> batch, int? maxBatchSize = null)
        where TKey : notnull
    {
        lock (_gate)
        {
            if (_loaders.TryGetValue(name, out var existing))
                return existing as DataLoader<TKey, TValue>
                    ?? throw new InvalidOperationException(
                        $"DataLoader \"{name}\" is already registered with other key/value types ({existing.GetType().GenericTypeArguments[0].Name} → {existing.GetType().GenericTypeArguments[1].Name}).");
            var loader = new DataLoader<TKey, TValue>(name, batch, this, maxBatchSize);
            _loaders.Add(name, loader);
            return loader;
        }
    }

    /// <summary>A key was queued: if that happened off the scheduler (ConfigureAwait(false) code), wake it up.</summary>
    internal void KeyQueued()
    {
        if (!ReferenceEquals(SynchronizationContext.Current, _scheduler)) _scheduler.Wake();
    }

    /// <summary>Starts one batch per loader with queued keys; true when any batch started.</summary>
    internal bool DispatchPending()
    {
        List<IDataLoader> ready;
        lock (_gate) ready = _loaders.Values.Cast<IDataLoader>().Where(l => l.HasPending).ToList();
        foreach (var loader in ready) loader.Dispatch(_cancellationToken);
        return ready.Count > 0;
    }
}
