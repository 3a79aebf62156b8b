using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Security;
using CxDashboard.Core.Drivers;
using CxDashboard.Core.Values;

namespace CxDashboard.Api.Drivers;

/// <summary>
/// Driver analyses through the caller's scope (<see cref="ScopeGate"/>): a visible unit's subtree (scopes are whole
/// subtrees, so it is visible too); null outside. Under the privacy floor: months, quarters and years only, and
/// groups below the floor keep their n but lose their values (see <see cref="DriverService"/>).
/// </summary>
public sealed class VisibleDrivers(ScopeGate gate, DriverService drivers)
{
    public async Task<DriverAnalysis?> AnalyseAsync(long unitId, Period period, CancellationToken ct = default)
    {
        gate.Locks.CheckExact(period);
        gate.RequireReadable(period);
        if (gate.AppliesPrivacyFloor && period.Grain == "week")
        {
            throw FieldErrors.ForbiddenRead($"'{period}' is a week: under the privacy floor a driver analysis covers a month, quarter or year (e.g. {Period.Of("month", period.First)}).");
        }
        if (!await gate.CanSeeAsync(unitId, ct)) return null;
        return await drivers.AnalyseAsync(unitId, period, gate.AppliesPrivacyFloor ? gate.Confidence.PrivacyFloor : null, ct);
    }
}
