using System.Threading.Channels;
using Npgsql;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// Hands parsed rows from the read loop to a second thread that encodes them into binary COPYs.
/// Parsing and encoding each took about half of the loop's time, and on one thread the loop was the
/// slowest part of an import (PostgreSQL's side of the COPY is a third of it), so the two now overlap.
/// Rows travel in batches through a bounded channel; a few batch arrays are recycled, so a file of any
/// size holds at most <see cref="BatchesInFlight"/> batches (and a <see cref="StagingBuffer"/> per
/// month) in memory. The writer thread owns the connection until <see cref="FlushAsync"/>: it asks
/// <see cref="MonthBulkLoad"/> where a month's rows go when the month's buffer first fills.
/// </summary>
internal sealed class StagingPipe : IAsyncDisposable
{
    private const int BatchRows = 2048;
    // Deep enough that the read loop goes on parsing while the writer waits for the end of a COPY
    // (each table's buffer ends one every StagingBuffer.Capacity rows).
    private const int BatchesInFlight = 16;

    private readonly NpgsqlConnection conn;
    private readonly IReadOnlyList<StageColumn> columns;
    private readonly int timeIndex;
    private readonly MonthBulkLoad router;
    private readonly CancellationToken ct;
    private readonly Dictionary<int, StagingBuffer> byMonth = [];
    private readonly Channel<(object?[][] Rows, int Count)> full = Channel.CreateBounded<(object?[][], int)>(BatchesInFlight);
    private readonly Channel<object?[][]> free = Channel.CreateUnbounded<object?[][]>();
    private readonly Task writer;
    private object?[][] current;
    private int count;
    // Set by FlushAsync: only then are the rows still held by the buffers sent (not when abandoning).
    private volatile bool flushing;

    /// <param name="timeIndex">The column holding the row's UTC timestamp, which picks its month.</param>
    public StagingPipe(
        NpgsqlConnection conn, IReadOnlyList<StageColumn> columns, int timeIndex,
        MonthBulkLoad router, CancellationToken ct)
    {
        this.conn = conn;
        this.columns = columns;
        this.timeIndex = timeIndex;
        this.router = router;
        this.ct = ct;
        for (var i = 0; i < BatchesInFlight; i++) free.Writer.TryWrite(NewBatch());
        current = NewBatch();
        // On the thread pool: the importer's writes block on the socket while PostgreSQL catches up.
        writer = Task.Run(Write);
    }

    /// <summary>Rows staged into each table, known after <see cref="FlushAsync"/>.</summary>
    /// <summary>Queues a copy of <paramref name="values"/>; waits only when the writer is <see cref="BatchesInFlight"/> batches behind.</summary>
    public ValueTask AddAsync(object?[] values, CancellationToken ct)
    {
        Array.Copy(values, current[count], values.Length);
        return ++count < BatchRows ? ValueTask.CompletedTask : SendAsync(ct);
    }

    /// <summary>Sends the last rows and waits until every row is staged; rethrows the writer's failure.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (count > 0) await SendAsync(ct);
        flushing = true;
        full.Writer.TryComplete();
        await writer;
    }

    public async ValueTask DisposeAsync()
    {
        full.Writer.TryComplete();
        try
        {
            await writer;
        }
        catch
        {
            // Already reported by FlushAsync or superseded by the read loop's own exception.
        }
    }

    private async ValueTask SendAsync(CancellationToken ct)
    {
        try
        {
            await full.Writer.WriteAsync((current, count), ct);
            current = await free.Reader.ReadAsync(ct);
        }
        catch (ChannelClosedException)
        {
            await writer; // the writer failed: surface its exception, not the closed channel
            throw;
        }
        count = 0;
    }

    private async Task Write()
    {
        try
        {
            var lastMonth = -1;
            StagingBuffer? target = null;
            while (await full.Reader.WaitToReadAsync(ct))
            {
                while (full.Reader.TryRead(out var batch))
                {
                    for (var r = 0; r < batch.Count; r++)
                    {
                        var row = batch.Rows[r];
                        var time = (DateTime)row[timeIndex]!;
                        var month = time.Year * 12 + time.Month - 1;
                        if (month != lastMonth)
                        {
                            if (!byMonth.TryGetValue(month, out target)) byMonth[month] = target = new StagingBuffer(columns);
                            lastMonth = month;
                        }
                        if (target!.Add(row))
                        {
                            if (target.Table is null) await ChooseTableAsync(month, target);
                            await target.FlushAsync(conn, ct);
                        }
                    }
                    free.Writer.TryWrite(batch.Rows);
                }
            }
            if (!flushing) return;
            foreach (var buffer in byMonth.Values)
            {
                // Fewer rows than one buffer: too few for a load table of their own.
                if (buffer.Table is null) buffer.SendTo(MonthBulkLoad.StageTable, null);
                await buffer.FlushAsync(conn, ct);
            }
        }
        catch (Exception ex)
        {
            // Both channels: the read loop may be waiting to send a batch or for a free one.
            full.Writer.TryComplete(ex);
            free.Writer.TryComplete(ex);
            throw;
        }
    }

    private async Task ChooseTableAsync(int month, StagingBuffer buffer)
    {
        var table = await router.TableForAsync(new DateTime(month / 12, month % 12 + 1, 1, 0, 0, 0, DateTimeKind.Utc), ct);
        buffer.SendTo(table, table == MonthBulkLoad.StageTable ? null : router.ReserveIdsAsync);
    }

    private object?[][] NewBatch()
    {
        var rows = new object?[BatchRows][];
        for (var i = 0; i < rows.Length; i++) rows[i] = new object?[columns.Count];
        return rows;
    }
}
