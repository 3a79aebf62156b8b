using System.Security.Claims;
using CxDashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Api.Security;

/// <summary>
/// Turns a caller's token scope (org subtrees by unit code, partners by partner code) into the set
/// of visible unit ids: each scoped unit and everything under it (closure table), plus every
/// engagement node of each scoped partner and everything under those. A request asks it once, through
/// <see cref="VisibleUnits"/> (the one component that applies the scope).
/// </summary>
public sealed class ScopeResolver(CxDbContext db)
{
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
