namespace CxDashboard.GraphQL.Execution;

public static class DataLoaderExtensions
{
    /// <summary>
    /// The request's DataLoader named <paramref name="name"/> (created with <paramref name="batch"/> on
    /// first use): <c>await ctx.DataLoader&lt;int, Unit&gt;("unitById", LoadUnits).LoadAsync(id)</c>.
    /// <paramref name="maxBatchSize"/> splits a level's keys into calls of at most that many keys (default: unbounded,
    /// see <see cref="DataLoader{TKey,TValue}.MaxBatchSize"/>).
    /// </summary>
    public static DataLoader<TKey, TValue> DataLoader<TKey, TValue>(this IResolveContext context, string name,
        BatchLoadFunction<TKey, TValue> batch, int? maxBatchSize = null) where TKey : notnull
    {
        if (context.ContextData.TryGetValue(DataLoaderRegistry.ContextKey, out var r) && r is DataLoaderRegistry registry)
            return registry.GetOrAdd(name, batch, maxBatchSize);
        throw new InvalidOperationException("DataLoaders are only available while GraphQLExecutor executes a request.");
    }
}
