namespace CxDashboard.Core.Ingestion;

/// <summary>
/// Boxed values shared by every staged row. A row is an <c>object?[]</c>, and boxing each score, flag
/// and unit id afresh made most of an import's garbage (the collector then ran on the read loop).
/// </summary>
internal static class Boxes
{
    private const int MaxSmall = 100;
    private static readonly object[] Shorts = Enumerable.Range(0, MaxSmall + 1).Select(i => (object)(short)i).ToArray();
    private static readonly object True = true;
    private static readonly object False = false;

    public static object? Short(int? v) => v is >= 0 and <= MaxSmall ? Shorts[v.Value] : (short?)v;

    public static object? Bool(bool? v) => v is { } b ? (b ? True : False) : null;
}
