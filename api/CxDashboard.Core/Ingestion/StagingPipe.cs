using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Core.Ingestion;

/// <summary>
/// Hands parsed rows from the read loop to a second thread that encodes them into the binary COPY.
/// Parsing and encoding each took about half of the loop's time, and on one thread the loop was the
/// slowest part of an import (PostgreSQL's side of the COPY is a third of it), so the two now overlap.
/// Rows travel in batches through a bounded channel; a few batch arrays are recycled, so a file of any
/// size holds at most <see cref="BatchesInFlight"/> batches in memory.
/// </summary>
internal sealed class StagingPipe : IAsyncDisposable
{
    private const int BatchRows = 2048;
    private const int BatchesInFlight = 4;

    private readonly NpgsqlBinaryImporter copy;
    private readonly NpgsqlDbType[] types;
    private readonly Channel<(object?[][] Rows, int Count)> full = Channel.CreateBounded<(object?[][], int)>(BatchesInFlight);
    private readonly Channel<object?[][]> free = Channel.CreateUnbounded<object?[][]>();
    private readonly Task writer;
    private object?[][] current;
    private int count;

    public StagingPipe(NpgsqlBinaryImporter copy, IReadOnlyList<StageColumn> columns)
    {
        this.copy = copy;
        types = columns.Select(c => c.Type).ToArray();
        for (var i = 0; i < BatchesInFlight; i++) free.Writer.TryWrite(NewBatch());
        current = NewBatch();
        // On the thread pool: the importer's writes block on the socket while PostgreSQL catches up.
        writer = Task.Run(Write);
    }

    /// <summary>Queues a copy of <paramref name="values"/>; waits only when the writer is <see cref="BatchesInFlight"/> batches behind.</summary>
    public ValueTask AddAsync(object?[] values, CancellationToken ct)
    {
        Array.Copy(values, current[count], values.Length);
        return ++count < BatchRows ? ValueTask.CompletedTask : SendAsync(ct);
    }

    /// <summary>Sends the last rows and waits until every row is in the COPY stream; rethrows the writer's failure.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (count > 0) await SendAsync(ct);
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
            while (await full.Reader.WaitToReadAsync())
            {
                while (full.Reader.TryRead(out var batch))
                {
                    for (var r = 0; r < batch.Count; r++)
                    {
                        var row = batch.Rows[r];
                        copy.StartRow();
                        for (var i = 0; i < row.Length; i++) WriteTyped(row[i], types[i]);
                    }
                    free.Writer.TryWrite(batch.Rows);
                }
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

    // Generic writes resolve Npgsql's converter once per type; Write(object) would resolve it per field.
    private void WriteTyped(object? value, NpgsqlDbType type)
    {
        switch (value)
        {
            case null: copy.WriteNull(); break;
            case string v: copy.Write(v, type); break;
            case DateTime v: copy.Write(v, type); break;
            case long v: copy.Write(v, type); break;
            case int v: copy.Write(v, type); break;
            case short v: copy.Write(v, type); break;
            case bool v: copy.Write(v, type); break;
            default: copy.Write(value, type); break;
        }
    }

    private object?[][] NewBatch()
    {
        var rows = new object?[BatchRows][];
        for (var i = 0; i < rows.Length; i++) rows[i] = new object?[types.Length];
        return rows;
    }
}
