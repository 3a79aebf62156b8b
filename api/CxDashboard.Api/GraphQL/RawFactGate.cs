using Microsoft.Extensions.Options;

namespace CxDashboard.Api.GraphQL;

/// <summary>
/// Bounded concurrency for the readers that scan raw responses rather than rollup cells (drivers, verbatims): at
/// most <see cref="GraphQLLimits.RawFactReaders"/> run at once in the process, so a burst of them (many aliases,
/// many clients) cannot hold every pooled connection while scorecards wait. A read that finds no free slot within
/// <see cref="GraphQLLimits.RawFactWaitSeconds"/> fails its field with code BUSY.
/// </summary>
public sealed class RawFactGate(IOptions<GraphQLLimits> limits) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, limits.Value.RawFactReaders));
    private readonly TimeSpan _wait = TimeSpan.FromSeconds(limits.Value.RawFactWaitSeconds);

    /// <summary>Free slots now (tests and diagnostics).</summary>
    public int Free => _slots.CurrentCount;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(_wait, cancellationToken)) throw ReadErrors.Busy(_wait);
        try
        {
            return await read(cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
