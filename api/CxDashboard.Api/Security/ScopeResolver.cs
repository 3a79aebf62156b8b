using System.Security.Claims;
using CxDashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Api.Security;

/// <summary>
/// Turns a caller's token scope (org subtrees by unit code, partners by partner code) into the set
/// of visible unit ids: each scoped unit and everything under it (closure table), plus every
/// engagement node of each scoped partner and everything under those. Resolved once per request.
/// </summary>
public sealed class ScopeResolver(CxDbContext db, IHttpContextAccessor http)
{
    private readonly Lock gate = new();
    private Task<CallerScope>? resolving;

    /// <summary>
    /// The caller's scope, resolved once per request. Sibling GraphQL resolvers ask for it at the same
    /// time, so they share the one lookup (the DbContext under it allows only one query at a time).
    /// </summary>
    public Task<CallerScope> GetAsync(CancellationToken ct = default)
    {
        lock (gate) return resolving ??= ResolveCurrentAsync(ct);
    }

    private async Task<CallerScope> ResolveCurrentAsync(CancellationToken ct)
    {
        var user = http.HttpContext?.User;
        return user?.Identity?.IsAuthenticated == true ? await ResolveAsync(user, ct) : CallerScope.Nobody;
    }

    public async Task<CallerScope> ResolveAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var unitCodes = user.FindAll(CxClaims.ScopeUnit).Select(c => c.Value).Distinct().ToArray();
        var partnerCodes = user.FindAll(CxClaims.ScopePartner).Select(c => c.Value).Distinct().ToArray();
        var subject = user.FindFirst("sub")?.Value ?? "anonymous";
        if (unitCodes.Length == 0 && partnerCodes.Length == 0) return new CallerScope([], subject);

        var ids = await db.Database.SqlQuery<long>($"""
            SELECT c.descendant_id AS "Value"
            FROM org_unit_closure c
            JOIN org_unit root ON root.id = c.ancestor_id
            LEFT JOIN partner p ON p.id = root.partner_id
            WHERE root.code = ANY({unitCodes})
               OR (root.kind = 'partner' AND p.code = ANY({partnerCodes}))
            """).ToListAsync(ct);
        return new CallerScope(ids, subject);
    }
}
