namespace CxDashboard.Api.Security;

/// <summary>The embed side of the one scope gate: the token's locked period and slice (see <see cref="CallerLocks"/>).</summary>
public sealed partial class VisibleUnits
{
    private CallerLocks? locks;

    /// <summary>The caller's locked filters (none for user tokens).</summary>
    public CallerLocks Locks => locks ??= CallerLocks.From(user);
}
