using System.Globalization;
using CxDashboard.Api.Hierarchy;
using CxDashboard.Api.Security;
using CxDashboard.Core.Export;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;

namespace CxDashboard.Api.Export;

/// <summary>A checked monthly review request.</summary>
public sealed record ReviewRequest(OrgNode Unit, Period Month, ReviewLabels Labels);

/// <summary>A checked raw export request.</summary>
public sealed record RawRequest(OrgNode Unit, DateOnly From, DateOnly To);

/// <summary>
/// Checks export parameters before a byte is written, so a bad request is a problem response and never a
/// broken or partial file: unit inside the scope, month ended and rolled up, locale known, range bounded.
/// </summary>
public sealed class ExportRequests(ScopeGate gate, VisibleOrg org, RollupReadiness readiness, IConfiguration configuration, TimeProvider clock)
{
    public int MaxRawDays => configuration.GetValue("Export:MaxRawDays", 366);

    public async Task<(ReviewRequest? Request, ExportRefusal? Refusal)> ReviewAsync(string? unit, string? month, string? locale, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unit)) return (null, ExportRefusal.BadParameter("Missing unit", "Give the unit's code, e.g. ?unit=CO."));
        if (string.IsNullOrWhiteSpace(month) || !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return (null, ExportRefusal.BadParameter("Bad month", $"month '{month}' is not a month; use yyyy-MM, e.g. 2026-10."));
        }
        if (ReviewLabels.For(locale) is not { } labels)
        {
            return (null, ExportRefusal.BadParameter("Unknown locale", $"locale '{locale}' is not one of {string.Join(", ", ReviewLabels.Locales)}."));
        }
        if (await UnitAsync(unit, ct) is not { } node) return (null, ExportRefusal.UnknownUnit(unit));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (first > new DateOnly(today.Year, today.Month, 1)) return (null, ExportRefusal.FutureMonth(month));
        if (!await readiness.IsCompleteAsync(first, ct)) return (null, ExportRefusal.NotRolledUp(month));
        return (new ReviewRequest(node, Period.Of("month", first), labels), null);
    }

    public async Task<(RawRequest? Request, ExportRefusal? Refusal)> RawAsync(string? unit, string? from, string? to, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unit)) return (null, ExportRefusal.BadParameter("Missing unit", "Give the unit's code, e.g. ?unit=CO."));
        if (!Day(from, out var f) || !Day(to, out var t))
        {
            return (null, ExportRefusal.BadParameter("Bad date range", $"from '{from}' and to '{to}' must be days (yyyy-MM-dd), both inclusive."));
        }
        if (t < f) return (null, ExportRefusal.BadParameter("Bad date range", $"The range ends ({to}) before it starts ({from})."));
        var days = t.DayNumber - f.DayNumber + 1;
        if (days > MaxRawDays) return (null, ExportRefusal.RangeTooLarge(days, MaxRawDays));
        if (gate.AppliesPrivacyFloor) return (null, ExportRefusal.Floor());
        if (await UnitAsync(unit, ct) is not { } node) return (null, ExportRefusal.UnknownUnit(unit));
        return (new RawRequest(node, f, t), null);
    }

    private async Task<OrgNode?> UnitAsync(string code, CancellationToken ct) =>
        (await org.UnitsByCodeAsync([code], ct)).GetValueOrDefault(code);

    private static bool Day(string? s, out DateOnly d) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d);
}
