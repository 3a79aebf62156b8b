namespace CxDashboard.Core.Ingestion;

/// <summary>
/// The part of the organisation an import may write: the units of the caller's scope (<paramref name="UnitIds"/>,
/// as resolved now) and the unit codes the token names as scope roots (<paramref name="RootCodes"/>, which may not
/// exist yet). Rows outside it are refused one by one, like any other row error. Null on a request: no limit (CLI).
/// </summary>
public sealed record ImportScope(IReadOnlySet<long> UnitIds, IReadOnlySet<string> RootCodes)
{
    public const string Refusal = "is outside your scope";
}
