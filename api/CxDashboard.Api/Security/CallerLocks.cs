using System.Security.Claims;
using CxDashboard.GraphQL;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using CxDashboard.Core.Verbatims;

namespace CxDashboard.Api.Security;

/// <summary>
/// Filters an embed token locks (its unit, period and slice), enforced by the scope gate: the unit through the
/// scope itself (the token's scope is the locked unit's subtree, or the unit alone without drill, see
/// <see cref="ScopeResolver"/>), the period and slice here. An argument that contradicts a lock is refused with
/// <c>LOCKED_FILTER</c>; an absent slice argument reads the locked slice.
/// </summary>
public sealed class CallerLocks
{
    public const string UnitClaim = "lock_unit";
    public const string PeriodClaim = "lock_period";
    /// <summary><c>dimension=value</c>, e.g. <c>channel=phone</c>.</summary>
    public const string SliceClaim = "lock_slice";
    /// <summary>How many levels under each scope root the scope reaches (<c>0</c>: the roots alone); absent: all.</summary>
    public const string DepthClaim = "scope_depth";

    public static readonly CallerLocks None = new(null, null, null);

    private CallerLocks(string? unit, Period? period, Slice? slice)
    {
        Unit = unit;
        Period = period;
        Slice = slice;
    }

    public string? Unit { get; }

    public Period? Period { get; }

    public Slice? Slice { get; }

    public bool Any => Unit is not null || Period is not null || Slice is not null;

    public static CallerLocks From(ClaimsPrincipal? user)
    {
        if (user is null) return None;
        var unit = user.FindFirst(UnitClaim)?.Value;
        var period = user.FindFirst(PeriodClaim)?.Value is { } p ? Core.Values.Period.Parse(p) : null;
        Slice? slice = null;
        if (user.FindFirst(SliceClaim)?.Value is { } s && s.Split('=', 2) is [var dim, var value]) slice = new Slice(dim, value);
        return unit is null && period is null && slice is null ? None : new CallerLocks(unit, period, slice);
    }

    /// <summary>A period argument: with a locked period it must be that period.</summary>
    public Period CheckArgument(Period asked, string argument)
    {
        if (Period is { } locked && asked != locked)
            throw Refused($"The period is locked to {locked} for this embed; '{argument}' asked for {asked}.");
        return asked;
    }

    /// <summary>A slice argument: absent reads the locked slice, another slice is refused.</summary>
    public Slice CheckArgument(Slice asked)
    {
        if (Slice is not { } locked) return asked;
        if (asked == Core.Values.Slice.All) return locked;
        return asked == locked ? asked : throw Refused($"The slice is locked to {locked.Dimension} = {locked.Value} for this embed.");
    }

    /// <summary>
    /// A verbatim filter (several dimensions ANDed): with a locked slice, an absent locked dimension reads the locked
    /// value, another value of it is refused; the other dimensions narrow the read within the lock.
    /// </summary>
    public VerbatimSlices CheckArgument(VerbatimSlices asked)
    {
        if (Slice is not { } locked) return asked;
        return asked.Get(locked.Dimension) switch
        {
            null => asked.With(locked.Dimension, locked.Value),
            var v when v == locked.Value => asked,
            _ => throw Refused($"The slice is locked to {locked.Dimension} = {locked.Value} for this embed."),
        };
    }

    /// <summary>
    /// A read at the gate: with a locked period nothing after its end (earlier periods stay readable for trends,
    /// previous-period changes and series ending in the locked period); with a locked slice only that slice.
    /// </summary>
    public void CheckRead(Period period, Slice slice)
    {
        CheckReadPeriod(period);
        if (Slice is { } s && slice != s)
            throw Refused($"The slice is locked to {s.Dimension} = {s.Value} for this embed.");
    }

    /// <summary>A verbatim read at the gate: as <see cref="CheckRead(Core.Values.Period, Core.Values.Slice)"/>, the locked dimension at its locked value.</summary>
    public void CheckRead(Period period, VerbatimSlices slices)
    {
        CheckReadPeriod(period);
        if (Slice is { } s && slices.Get(s.Dimension) != s.Value)
            throw Refused($"The slice is locked to {s.Dimension} = {s.Value} for this embed.");
    }

    private void CheckReadPeriod(Period period)
    {
        if (Period is { } locked && period.Last > locked.Last)
            throw Refused($"The period is locked to {locked} for this embed; {period} is after it.");
    }

    /// <summary>A read that cannot honour a slice lock (a scorecard's KPIs carry their own slices; a breakdown spans a dimension).</summary>
    public void CheckUnsliced(string what)
    {
        if (Slice is { } s) throw Refused($"The slice is locked to {s.Dimension} = {s.Value} for this embed; {what} cannot be read within one slice.");
    }

    /// <summary>A read of exactly one period (scorecard, drivers, verbatims, breakdown): with a locked period, that one.</summary>
    public void CheckExact(Period period)
    {
        if (Period is { } locked && period != locked) throw Refused($"The period is locked to {locked} for this embed; {period} was asked for.");
    }

    private static GraphQLException Refused(string message) =>
        new(new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = "LOCKED_FILTER" }));
}
