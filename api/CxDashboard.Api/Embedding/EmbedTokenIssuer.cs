using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using CxDashboard.Api.Security;
using CxDashboard.Core.Embedding;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using Microsoft.IdentityModel.Tokens;

namespace CxDashboard.Api.Embedding;

/// <summary>A refusal of a token request, as RFC 9457 problem details.</summary>
public sealed record EmbedRefusal(int Status, string Title, string Detail);

/// <summary>
/// Mints embed tokens for an authenticated host (DESIGN §9). The scope asked for may only narrow the host's grant
/// (compared as resolved unit sets, by the same resolver the scope gate uses): a wider ask is refused, never
/// silently narrowed. Locked filters become claims the gate enforces; every token issued or refused is audited.
/// </summary>
public sealed class EmbedTokenIssuer(ScopeResolver scopes, EmbedSigningKeys keys, EmbedOptions options, EmbedAuditLog audit, TimeProvider clock)
{
    private static readonly string[] Locales = ["en", "zh-CN"];

    public async Task<(EmbedTokenResponse? Token, EmbedRefusal? Refusal)> IssueAsync(
        HostApplication host, EmbedApiKey key, EmbedTokenRequest? request, CancellationToken ct)
    {
        var (plan, refusal) = await PlanAsync(host, request, ct);
        if (refusal is not null)
        {
            await audit.RecordAsync(new EmbedAudit
            {
                Event = "token_refused", HostApplicationId = host.Id, KeyId = key.KeyId, View = request?.View,
                Detail = $"{refusal.Status} {refusal.Title}: {refusal.Detail}",
            }, ct);
            return (null, refusal);
        }

        var p = plan!;
        var now = clock.GetUtcNow();
        var expires = now + p.Lifetime;
        var jti = Guid.NewGuid().ToString("N");
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, $"embed:{host.Id}:{key.KeyId}"),
            new(JwtRegisteredClaimNames.Jti, jti),
            new(JwtRegisteredClaimNames.Iat, now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64),
            new("name", host.Name),
            new(EmbedClaims.Kind, EmbedClaims.EmbedKind),
            new(CxClaims.Role, EmbedClaims.Role),
            new(EmbedClaims.Host, host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(EmbedClaims.ApiKey, key.KeyId),
            new(EmbedClaims.View, p.View),
            new(EmbedClaims.Locale, p.Locale),
        };
        claims.AddRange(p.Units.Select(u => new Claim(CxClaims.ScopeUnit, u)));
        claims.AddRange(p.Partners.Select(x => new Claim(CxClaims.ScopePartner, x)));
        claims.AddRange(p.Permissions.Select(x => new Claim(CxClaims.Permission, x)));
        // the embedded app talks (postMessage) only with these origins
        claims.AddRange(host.Origins.Select(o => new Claim(EmbedClaims.Origin, o)));
        if (!p.Permissions.Contains(EmbedPermissions.Drill)) claims.Add(new Claim(CallerLocks.DepthClaim, "0"));
        if (p.LockUnit is not null) claims.Add(new Claim(CallerLocks.UnitClaim, p.LockUnit));
        if (p.LockPeriod is not null) claims.Add(new Claim(CallerLocks.PeriodClaim, p.LockPeriod.ToString()));
        if (p.LockSlice is not null) claims.Add(new Claim(CallerLocks.SliceClaim, $"{p.LockSlice.Dimension}={p.LockSlice.Value}"));

        var (kid, signingKey) = await keys.CurrentAsync(ct);
        var jwt = new JwtSecurityToken(options.Issuer, options.Audience, claims, now.UtcDateTime, expires.UtcDateTime,
            new SigningCredentials(signingKey, SecurityAlgorithms.HmacSha256));
        var token = new JwtSecurityTokenHandler().WriteToken(jwt);

        await audit.RecordAsync(new EmbedAudit
        {
            Event = "token", HostApplicationId = host.Id, KeyId = key.KeyId, TokenId = jti, View = p.View,
            Scope = p.Describe(), Detail = $"kid={kid}; expires={expires:O}",
        }, ct);
        return (new EmbedTokenResponse(token, "Bearer", (int)p.Lifetime.TotalSeconds, expires, kid, p.View,
            $"/embed/{p.View}?token={Uri.EscapeDataString(token)}"), null);
    }

    private sealed record Plan(
        string View, string[] Units, string[] Partners, string[] Permissions, string? LockUnit, Period? LockPeriod, Slice? LockSlice,
        string Locale, TimeSpan Lifetime)
    {
        public string Describe() =>
            $"units={string.Join(',', Units)}; partners={string.Join(',', Partners)}; permissions={string.Join(',', Permissions)}" +
            $"; unit={LockUnit}; period={LockPeriod}; slice={(LockSlice is null ? "" : $"{LockSlice.Dimension}={LockSlice.Value}")}; locale={Locale}";
    }

    private async Task<(Plan?, EmbedRefusal?)> PlanAsync(HostApplication host, EmbedTokenRequest? r, CancellationToken ct)
    {
        static EmbedRefusal Bad(string detail) => new(StatusCodes.Status400BadRequest, "Bad embed token request", detail);
        static EmbedRefusal Wider(string detail) => new(StatusCodes.Status403Forbidden, "Wider than the host's grant", detail);

        if (r is null) return (null, Bad("Send a JSON body: { \"view\": \"scorecard\", … } (docs/embedding.md)."));
        var view = r.View?.Trim().ToLowerInvariant() ?? "";
        if (!EmbedViews.All.Contains(view)) return (null, Bad($"view must be one of {string.Join(", ", EmbedViews.All)}."));
        if (!host.Views.Contains(view)) return (null, Wider($"This host may embed {string.Join(", ", host.Views)}, not {view}."));

        var locale = string.IsNullOrWhiteSpace(r.Locale) ? "en" : Locales.FirstOrDefault(l => string.Equals(l, r.Locale.Trim(), StringComparison.OrdinalIgnoreCase));
        if (locale is null) return (null, Bad($"locale must be one of {string.Join(", ", Locales)}."));

        var lifetime = r.TtlSeconds is { } ttl ? TimeSpan.FromSeconds(ttl) : options.DefaultLifetime;
        if (lifetime <= TimeSpan.Zero || lifetime > options.MaxLifetime)
            return (null, Bad($"ttlSeconds must be between 1 and {(int)options.MaxLifetime.TotalSeconds}."));

        var permissions = (r.Permissions ?? host.Permissions.Where(p => p != EmbedPermissions.Export).ToArray())
            .Select(p => p.Trim().ToLowerInvariant()).Append(EmbedPermissions.View).Distinct().ToArray();
        if (permissions.Except(EmbedPermissions.All).FirstOrDefault() is { } unknown)
            return (null, Bad($"Unknown permission '{unknown}' (one of {string.Join(", ", EmbedPermissions.All)})."));
        if (permissions.Except(host.Permissions).FirstOrDefault() is { } notGranted)
            return (null, Wider($"This host may not grant the '{notGranted}' permission."));

        Period? period = null;
        if (!string.IsNullOrWhiteSpace(r.Locked?.Period))
        {
            try
            {
                period = Period.Parse(r.Locked.Period);
            }
            catch (PeriodException e)
            {
                return (null, Bad($"locked.period: {e.Message}"));
            }
        }

        Slice? slice = null;
        if (r.Locked?.Slice is { } s)
        {
            var dim = s.Dimension?.Trim().ToLowerInvariant() ?? "";
            if (!Slice.Dimensions.Contains(dim) || string.IsNullOrWhiteSpace(s.Value))
                return (null, Bad($"locked.slice needs a dimension ({string.Join(", ", Slice.Dimensions)}) and a value."));
            if (!EmbedViews.TakesSlice(view)) return (null, Bad($"The {view} view cannot be locked to a slice (its KPIs carry their own)."));
            slice = new Slice(dim, s.Value.Trim());
        }

        if (new[] { r.Scope?.Units, r.Scope?.Partners, [r.Locked?.Unit ?? "", r.Locked?.Slice?.Value ?? ""] }.SelectMany(c => c ?? []).Any(c => !HostRegistry.Storable(c)))
            return (null, Bad("A code holds a character that cannot be stored (NUL or a lone surrogate)."));
        // Scopes are compared as the unit sets the scope gate would resolve them to.
        // A scope naming only partners (or only units) is just that; no scope at all is the host's whole grant.
        var askUnits = Clean(r.Scope?.Units) ?? (r.Scope?.Partners is null ? host.GrantUnits : []);
        var askPartners = Clean(r.Scope?.Partners) ?? (r.Scope?.Units is null ? host.GrantPartners : []);
        if (askUnits.Contains(ScopeEverything) || askPartners.Contains(ScopeEverything)) return (null, Wider("'*' is not a unit or partner code."));
        if (askUnits.Length == 0 && askPartners.Length == 0) return (null, Bad("scope names no unit and no partner."));
        var grant = await scopes.ResolveAsync(Principal(host.GrantUnits, host.GrantPartners), ct);
        var ask = await scopes.ResolveAsync(Principal(askUnits, askPartners), ct);
        if (ask.UnitIds.Count == 0 || !ask.UnitIds.IsSubsetOf(grant.UnitIds))
            return (null, Wider("The scope asked for reaches units outside this host's grant (or names codes that do not exist)."));

        var units = askUnits;
        var partners = askPartners;
        var lockUnit = r.Locked?.Unit?.Trim();
        if (view == EmbedViews.Partner && PartnerViewProblem(askUnits, askPartners, lockUnit) is { } problem) return (null, Bad(problem));
        if (!string.IsNullOrEmpty(lockUnit))
        {
            var locked = await scopes.ResolveAsync(Principal([lockUnit], []), ct);
            if (locked.UnitIds.Count == 0 || !locked.UnitIds.IsSubsetOf(ask.UnitIds))
                return (null, Wider($"locked.unit '{lockUnit}' is not inside the scope asked for."));
            // The view opens on the locked unit and cannot leave it: the unit (with its subtree when drilling) is the scope.
            units = [lockUnit];
            partners = [];
        }
        return (new Plan(view, units, partners, permissions, string.IsNullOrEmpty(lockUnit) ? null : lockUnit, period, slice, locale, lifetime), null);
    }

    private const string ScopeEverything = "*";

    /// <summary>
    /// The partner view is one partner's page: its scope is that partner (all its engagements, the page's figures pool
    /// them), so the token names exactly one partner and no units; drilling opens its engagements. Checked after the
    /// grant, so a wider ask is still a 403.
    /// </summary>
    private static string? PartnerViewProblem(string[] units, string[] partners, string? lockUnit)
    {
        if (!string.IsNullOrEmpty(lockUnit))
            return "locked.unit does not apply to the partner view: it opens on its partner (scope.partners); with 'drill' its engagements open inside it.";
        if (units.Length > 0 || partners.Length != 1)
            return $"The partner view shows one partner: name it alone in scope.partners (asked: {partners.Length} partner(s) and {units.Length} unit(s)).";
        return null;
    }

    private static string[]? Clean(string[]? codes) => codes?.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

    private static ClaimsPrincipal Principal(IEnumerable<string> units, IEnumerable<string> partners)
    {
        var claims = units.Select(u => new Claim(CxClaims.ScopeUnit, u)).Concat(partners.Select(p => new Claim(CxClaims.ScopePartner, p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "embed-grant"));
    }
}
