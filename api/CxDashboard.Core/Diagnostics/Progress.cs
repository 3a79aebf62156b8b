using System.Diagnostics;

namespace CxDashboard.Core.Diagnostics;

/// <summary>Throttled "label: 42% 1,234,567 rows 210,000 rows/s" lines on stderr for long work.</summary>
public sealed class Progress(string label, long total, TextWriter? output = null)
{
    private readonly TextWriter output = output ?? Console.Error;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long done;
    private long lastPrintTicks;

    public long Done => Interlocked.Read(ref done);

    public TimeSpan Elapsed => clock.Elapsed;

    public void Add(long rows)
    {
        var now = Interlocked.Add(ref done, rows);
        var ticks = clock.ElapsedTicks;
        var last = Interlocked.Read(ref lastPrintTicks);
        if (ticks - last < Stopwatch.Frequency / 2 || Interlocked.CompareExchange(ref lastPrintTicks, ticks, last) != last) return;
        Print(now);
    }

    public void Finish() => Print(Done, final: true);

    private void Print(long now, bool final = false)
    {
        var rate = now / Math.Max(0.001, clock.Elapsed.TotalSeconds);
        var percent = total > 0 ? Math.Min(100, 100.0 * now / total) : 100;
        var line = $"{label}: {percent,3:0}% {now:N0} rows, {rate:N0} rows/s, {clock.Elapsed.TotalSeconds:0.0}s";
        lock (output) output.WriteLine(final ? line + " — done" : line);
    }
}
