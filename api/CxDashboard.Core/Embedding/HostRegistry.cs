using CxDashboard.Core.Data;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Scorecards;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Core.Embedding;

/// <summary>
/// Registers host applications and manages their API keys (plain CRUD through EF Core). Input is checked whole
/// before anything is written (<see cref="InputRejectedException"/>, each problem with its <see cref="EmbedProblem"/> code). Who may call this is the API layer's decision
/// (analysts only). Each call uses its own short-lived context: GraphQL runs root fields concurrently, and the
/// request's scoped context may be busy with another field.
/// </summary>
public sealed class HostRegistry(DbContextOptions<CxDbContext> options, TimeProvider clock)
{
    /// <summary>Longest overlap a rotated-out key may keep working.</summary>
    public static readonly TimeSpan MaxOverlap = TimeSpan.FromDays(30);

    private const int MaxName = 200;

    public async Task<IReadOnlyList<HostApplication>> ListAsync(CancellationToken ct = default)
    {
        await using var db = new CxDbContext(options);
        return await db.Set<HostApplication>().AsNoTracking().Include(h => h.Keys).OrderBy(h => h.Id).ToListAsync(ct);
    }

    public async Task<HostApplication> RegisterAsync(HostInput input, CancellationToken ct = default)
    {
        await using var db = new CxDbContext(options);
        var host = new HostApplication { Name = "" };
        await ApplyAsync(db, host, input, ct);
        host.CreatedAt = clock.GetUtcNow();
        db.Add(host);
        await db.SaveChangesAsync(ct);
        return host;
    }

    public async Task<HostApplication?> UpdateAsync(long id, HostInput input, CancellationToken ct = default)
    {
        await using var db = new CxDbContext(options);
        var host = await db.Set<HostApplication>().Include(h => h.Keys).FirstOrDefaultAsync(h => h.Id == id, ct);
        if (host is null) return null;
        await ApplyAsync(db, host, input, ct);
        await db.SaveChangesAsync(ct);
        return host;
    }

    /// <summary>Switches a host off (its keys and tokens stop working) or back on.</summary>
    public async Task<HostApplication?> SetDisabledAsync(long id, bool disabled, CancellationToken ct = default)
    {
        await using var db = new CxDbContext(options);
        var host = await db.Set<HostApplication>().Include(h => h.Keys).FirstOrDefaultAsync(h => h.Id == id, ct);
        if (host is null) return null;
        host.DisabledAt = disabled ? host.DisabledAt ?? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(ct);
        return host;
    }

    public async Task<IssuedApiKey?> IssueKeyAsync(long hostId, CancellationToken ct = default)
    {
        await using var db = new CxDbContext(options);
        if (!await db.Set<HostApplication>().AnyAsync(h => h.Id == hostId, ct)) return null;
        var (keyId, key, hash) = ApiKeySecret.Create();
        var row = new EmbedApiKey { HostApplicationId = hostId, KeyId = keyId, SecretHash = hash, CreatedAt = clock.GetUtcNow() };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return new IssuedApiKey(hostId, keyId, key, row.CreatedAt);
    }

    /// <summary>Ends a key now. False when there is no such key.</summary>
    public async Task<bool> RevokeKeyAsync(string keyId, CancellationToken ct = default)
    {
        await using var db = new CxDbContext(options);
        if (!ApiKeySecret.IsKeyId(keyId)) return false;
        var key = await db.Set<EmbedApiKey>().FirstOrDefaultAsync(k => k.KeyId == keyId, ct);
        if (key is null) return false;
        key.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Issues a new key for the same host and lets the old one work for <paramref name="overlap"/> more (so the host
    /// can deploy the new key before the old one stops). Null when the old key does not exist or is already unusable.
    /// </summary>
    public async Task<IssuedApiKey?> RotateKeyAsync(string keyId, TimeSpan overlap, CancellationToken ct = default)
    {
        if (overlap < TimeSpan.Zero || overlap > MaxOverlap)
            throw new InputRejectedException([Problem("overlap", EmbedProblem.OverlapRange, $"must be between 0 and {MaxOverlap.TotalDays:0} days",
                ("min", 0), ("max", MaxOverlap.TotalHours))]);
        if (!ApiKeySecret.IsKeyId(keyId)) return null;
        var now = clock.GetUtcNow();
        await using var db = new CxDbContext(options);
        var old = await db.Set<EmbedApiKey>().FirstOrDefaultAsync(k => k.KeyId == keyId, ct);
        if (old is null || !old.IsUsable(now)) return null;
        var end = now + overlap;
        if (old.ExpiresAt is null || old.ExpiresAt > end) old.ExpiresAt = end;
        var (newId, key, hash) = ApiKeySecret.Create();
        var row = new EmbedApiKey { HostApplicationId = old.HostApplicationId, KeyId = newId, SecretHash = hash, CreatedAt = now };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return new IssuedApiKey(old.HostApplicationId, newId, key, now);
    }

    /// <summary>The host a presented key belongs to, when the key is genuine and usable and the host is on; else null.</summary>
    public async Task<(HostApplication Host, EmbedApiKey Key)?> AuthenticateAsync(string? presented, CancellationToken ct = default)
    {
        await using var db = new CxDbContext(options);
        if (!ApiKeySecret.TryParse(presented, out var keyId, out var secret)) return null;
        var now = clock.GetUtcNow();
        var key = await db.Set<EmbedApiKey>().Include(k => k.HostApplication).FirstOrDefaultAsync(k => k.KeyId == keyId, ct);
        if (key?.HostApplication is not { } host || !ApiKeySecret.Matches(secret, key.SecretHash)) return null;
        if (!key.IsUsable(now) || host.DisabledAt is not null) return null;
        // coarse (a minute) so a busy key does not write on every request
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return (host, key);
    }

    private static async Task ApplyAsync(CxDbContext db, HostApplication host, HostInput input, CancellationToken ct)
    {
        var errors = new List<InputError>();
        void Add(string field, string code, string message, params (string Name, object? Value)[] values) => errors.Add(Problem(field, code, message, values));
        var name = input.Name?.Trim() ?? "";
        if (!Storable(name)) Add("name", EmbedProblem.NotStorable, "holds a character that cannot be stored (NUL or a lone surrogate)");
        else if (name.Length is 0 or > MaxName) Add("name", EmbedProblem.NameLength, $"a name of 1 to {MaxName} characters is required", ("min", 1), ("max", MaxName));
        else if (await db.Set<HostApplication>().AnyAsync(h => h.Name == name && h.Id != host.Id, ct)) Add("name", EmbedProblem.NameTaken, $"a host named '{name}' exists", ("name", name));

        var origins = new List<string>();
        foreach (var o in input.Origins)
        {
            if (Origin(o) is { } ok) origins.Add(ok);
            else Add("origins", EmbedProblem.NotAnOrigin, $"'{o}' is not an origin (scheme://host[:port], https, or http for localhost)", ("value", o));
        }
        if (origins.Count == 0 && !errors.Any(e => e.Path == "origins")) Add("origins", EmbedProblem.OriginRequired, "at least one origin may frame the views");

        var units = input.GrantUnits.Select(u => u.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        var partners = input.GrantPartners.Select(p => p.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        if (units.Concat(partners).Any(c => !Storable(c))) Add("grant", EmbedProblem.NotStorable, "a code holds a character that cannot be stored");
        units = units.Where(Storable).ToArray();
        partners = partners.Where(Storable).ToArray();
        if (units.Length == 0 && partners.Length == 0) Add("grant", EmbedProblem.GrantRequired, "grant at least one org unit or partner");
        var knownUnits = await db.Set<OrgUnit>().Where(u => units.Contains(u.Code)).Select(u => u.Code).ToListAsync(ct);
        foreach (var u in units.Except(knownUnits, StringComparer.Ordinal)) Add("grantUnits", EmbedProblem.UnknownUnitCode, $"no org unit with code '{u}'", ("code", u));
        var knownPartners = await db.Set<Partner>().Where(p => partners.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct);
        foreach (var p in partners.Except(knownPartners, StringComparer.Ordinal)) Add("grantPartners", EmbedProblem.UnknownPartnerCode, $"no partner with code '{p}'", ("code", p));

        var views = input.Views.Select(v => v.Trim().ToLowerInvariant()).Where(Storable).Distinct().ToArray();
        if (views.Length == 0) Add("views", EmbedProblem.ViewRequired, "allow at least one view");
        foreach (var v in views.Except(EmbedViews.All))
            Add("views", EmbedProblem.UnknownView, $"unknown view '{v}' (one of {string.Join(", ", EmbedViews.All)})", ("value", v), ("allowed", EmbedViews.All));
        var permissions = input.Permissions.Select(p => p.Trim().ToLowerInvariant()).Where(Storable).Append(EmbedPermissions.View).Distinct().ToArray();
        foreach (var p in permissions.Except(EmbedPermissions.All))
            Add("permissions", EmbedProblem.UnknownPermission, $"unknown permission '{p}' (one of {string.Join(", ", EmbedPermissions.All)})", ("value", p), ("allowed", EmbedPermissions.All));
        if (errors.Count > 0) throw new InputRejectedException(errors);

        host.Name = name;
        host.Origins = [.. origins.Distinct(StringComparer.Ordinal)];
        host.GrantUnits = units;
        host.GrantPartners = partners;
        host.Views = views;
        host.Permissions = permissions;
    }

    /// <summary>Text PostgreSQL can store: no NUL, no lone UTF-16 surrogate.</summary>
    public static bool Storable(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\0') return false;
            if (char.IsHighSurrogate(s[i]) && (i + 1 >= s.Length || !char.IsLowSurrogate(s[++i]))) return false;
            if (char.IsLowSurrogate(s[i]) && (i == 0 || !char.IsHighSurrogate(s[i - 1]))) return false;
        }
        return true;
    }

    /// <summary>The canonical origin (lower-case scheme and host, port only when not the default), or null.</summary>
    public static string? Origin(string? text)
    {
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0) return null;
        var local = uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && local)) return null;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";
    }

    /// <summary>One refused input field (its path is the field's name in HostInput), with its code and the values it names.</summary>
    private static InputError Problem(string field, string code, string message, params (string Name, object? Value)[] values) =>
        new(field, message, code, values.ToDictionary(v => v.Name, v => v.Value));
}
