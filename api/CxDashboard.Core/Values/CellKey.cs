
namespace CxDashboard.Core.Values;

/// <summary>Whose cell: an org unit with its whole subtree, or a partner over all its engagements.</summary>
public enum SubjectKind : short
{
    Unit = 0,
    Partner = 1,
}

/// <summary>A slice of the facts: all of them, or one value of channel, journey stage or segment.</summary>
public sealed record Slice(string Dimension, string Value)
{
    public static readonly Slice All = new("all", "");

    public static readonly string[] Dimensions = ["channel", "journey_stage", "segment"];

    public static Slice Of(string? dimension, string? value)
    {
        if (dimension is null or "all") return All;
        if (Array.IndexOf(Dimensions, dimension) < 0) throw new ArgumentException($"unknown slice dimension '{dimension}'; use one of {string.Join(", ", Dimensions)}");
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"a {dimension} slice needs a value");
        return new Slice(dimension, value);
    }

    public override string ToString() => Dimension == "all" ? "all" : $"{Dimension}={Value}";
}

/// <summary>One cell to read: subject, period and slice.</summary>
public sealed record CellKey(SubjectKind Kind, long SubjectId, Period Period, Slice Slice)
{
    public static CellKey Unit(long unitId, Period period, Slice? slice = null) => new(SubjectKind.Unit, unitId, period, slice ?? Slice.All);

    public static CellKey Partner(long partnerId, Period period, Slice? slice = null) => new(SubjectKind.Partner, partnerId, period, slice ?? Slice.All);
}

/// <summary>Every value of one dimension for a subject and period (a breakdown).</summary>
public sealed record BreakdownKey(SubjectKind Kind, long SubjectId, Period Period, string Dimension);
