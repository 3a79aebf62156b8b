using System.Collections.Frozen;

namespace CxDashboard.Api.Security;

/// <summary>
/// What one caller may see: the org unit ids inside its scope. Every query, export and job output for
/// a request is filtered by this one object (see <see cref="ScopeResolver"/>);
/// no resolver filters on its own.
/// </summary>
public sealed class CallerScope
{
    public static readonly CallerScope Nobody = new([], "nobody");

    public CallerScope(IEnumerable<long> unitIds, string subject)
    {
        UnitIds = unitIds.ToFrozenSet();
        Subject = subject;
    }

    public FrozenSet<long> UnitIds { get; }

    public string Subject { get; }

    public bool CanSee(long unitId) => UnitIds.Contains(unitId);

    /// <summary>The ids as an array, for <c>= ANY(@units)</c> SQL parameters.</summary>
    public long[] ToArray() => [.. UnitIds];
}
