namespace CxDashboard.Api.GraphQL;

/// <summary>
/// What one /graphql request may ask of the service (configuration section <c>GraphQL</c>, e.g.
/// <c>GraphQL__MaxCost=500000</c>); docs/graphql-limits.md explains each figure.
/// </summary>
public sealed class GraphQLLimits
{
    public const string Section = "GraphQL";

    /// <summary>Highest estimated cost of an operation (QueryCosts prices the fields); checked before anything runs.</summary>
    public int MaxCost { get; set; } = 250_000;

    /// <summary>Time budget of one operation's execution; past it, its database commands are cancelled and it ends in TIMEOUT.</summary>
    public double TimeoutSeconds { get; set; } = 15;

    /// <summary>How many raw-fact reads (drivers, verbatims) may run at once in this process, whatever the requests.</summary>
    public int RawFactReaders { get; set; } = 4;

    /// <summary>How long a raw-fact read waits for a free slot before its field fails with BUSY.</summary>
    public double RawFactWaitSeconds { get; set; } = 5;
}
