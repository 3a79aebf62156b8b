using System.Security.Claims;
using Npgsql;

namespace CxDashboard.Api.Security;

/// <summary>
/// Turns a caller's token scope (org subtrees by unit code, partners by partner code) into the set
/// of visible unit ids: each scoped unit and everything under it (closure table), plus every
/// engagement node of each scoped partner and everything under those. A request asks it once, through
/// <see cref="ScopeGate"/> (the one component that applies the scope).
/// </summary>
/// <remarks>
/// Every request pays for this before anything else is read, so it is one prepared statement on the raw data
/// source (kept prepared on each pooled connection) rather than an EF Core query, whose context set-up and
/// connection reset cost more than the lookup.
/// </remarks>
public sealed class ScopeResolver(NpgsqlDataSource db)
{
    private const string Sql = """
        SELECT c.descendant_id
        FROM org_unit_closure c
        JOIN org_unit root ON root.id = c.ancestor_id
        LEFT JOIN partner p ON p.id = root.partner_id
        WHERE (root.code = ANY($1)
           OR (root.kind = 'partner' AND p.code = ANY($2)))
          AND ($3::int IS NULL OR c.depth <= $3)
        UNION ALL
        SELECT id FROM org_unit WHERE '*' = ANY($1) AND $3::int IS NULL
        """;

    /// <summary>A scope unit claim naming the whole organisation, units created later included (an org-wide administrator).</summary>
    public const string Everything = "*";

    public async Task<CallerScope> ResolveAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var unitCodes = user.FindAll(CxClaims.ScopeUnit).Select(c => c.Value).Distinct().ToArray();
        var partnerCodes = user.FindAll(CxClaims.ScopePartner).Select(c => c.Value).Distinct().ToArray();
        var subject = user.FindFirst("sub")?.Value ?? "anonymous";
        if (unitCodes.Length == 0 && partnerCodes.Length == 0) return new CallerScope([], subject);

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(Sql, conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = unitCodes });
        cmd.Parameters.Add(new NpgsqlParameter { Value = partnerCodes });
        // An embed token without drill sees its roots only (CallerLocks.DepthClaim).
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)Depth(user) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        await cmd.PrepareAsync(ct);
        var ids = new List<long>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetInt64(0));
        return new CallerScope(ids, subject);
    }

    private static int? Depth(ClaimsPrincipal user) =>
        user.FindFirst(CallerLocks.DepthClaim)?.Value is { } v && int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var d) ? Math.Max(0, d) : null;
}
