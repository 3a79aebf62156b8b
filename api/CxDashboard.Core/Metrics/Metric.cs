namespace CxDashboard.Core.Metrics;

/// <summary>A catalogue entry: what a metric means and how it is derived from rollup statistics.</summary>
public sealed class Metric
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary><c>outcome</c> or <c>process</c>.</summary>
    public required string Kind { get; set; }
    /// <summary><c>score</c>, <c>percent</c>, <c>seconds</c> or <c>mean</c>.</summary>
    public required string Unit { get; set; }
    /// <summary><c>higher</c> or <c>lower</c> is better.</summary>
    public required string Direction { get; set; }
    public required string Description { get; set; }
    public required string Computation { get; set; }
    public short? ScaleMin { get; set; }
    public short? ScaleMax { get; set; }
    public string? Method { get; set; }
}
