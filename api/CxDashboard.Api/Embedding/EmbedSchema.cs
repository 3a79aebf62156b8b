using System.Globalization;
using System.Security.Claims;
using CxDashboard.Api.GraphQL;
using CxDashboard.Api.Security;
using CxDashboard.Core.Embedding;
using CxDashboard.Core.Scorecards;
using CxDashboard.GraphQL;
using CxDashboard.GraphQL.Execution;
using CxDashboard.GraphQL.Types;

namespace CxDashboard.Api.Embedding;

/// <summary>
/// Host application administration in GraphQL: analysts only, and only for grants inside their own scope (a
/// division's analyst cannot hand a host the whole company).
/// </summary>
public static class EmbedSchema
{
    public static CxSchema AddEmbeddingTypes(this CxSchema schema)
    {
        schema.Types.AddType<HostApplicationInputType>().AddType<HostApplicationType>().AddType<ApiKeyType>().AddType<IssuedApiKeyType>();
        return schema.Query(AddQueries).Mutation(AddMutations);
    }

    private static void AddQueries(IObjectTypeDescriptor d)
    {
        d.Field("hostApplications").Type("[HostApplication!]!").Description("Registered host applications (analysts only).")
            .Resolve(async ctx =>
            {
                RequireAnalyst(ctx);
                return (await ctx.Service<HostRegistry>().ListAsync(ctx.CancellationToken)).ToList();
            });
    }

    private static void AddMutations(IObjectTypeDescriptor d)
    {
        d.Field("registerHostApplication").Type("HostApplication!")
            .Description("Analysts only; the grant must lie inside the caller's scope. Issue a key with issueApiKey.")
            .Argument("input", "HostApplicationInput!")
            .Resolve(async ctx =>
            {
                RequireAnalyst(ctx);
                var input = ctx.Argument<HostApplicationArgs>("input")!.ToInput();
                await RequireGrantInScopeAsync(ctx, input);
                return await Guard(() => ctx.Service<HostRegistry>().RegisterAsync(input, ctx.CancellationToken));
            });
        d.Field("updateHostApplication").Type("HostApplication!").Description("Analysts only; replaces the registration.")
            .Argument("id", "ID!").Argument("input", "HostApplicationInput!")
            .Resolve(async ctx =>
            {
                RequireAnalyst(ctx);
                var input = ctx.Argument<HostApplicationArgs>("input")!.ToInput();
                await RequireGrantInScopeAsync(ctx, input);
                var id = HostId(ctx);
                return await Guard(() => ctx.Service<HostRegistry>().UpdateAsync(id, input, ctx.CancellationToken)) ?? throw FieldErrors.HostNotFound(id.ToString(CultureInfo.InvariantCulture));
            });
        d.Field("setHostApplicationDisabled").Type("HostApplication!").Description("Analysts only; a disabled host's keys and tokens stop working.")
            .Argument("id", "ID!").Argument("disabled", "Boolean!")
            .Resolve(async ctx =>
            {
                RequireAnalyst(ctx);
                var id = HostId(ctx);
                var host = await ctx.Service<HostRegistry>().SetDisabledAsync(id, ctx.Argument<bool>("disabled"), ctx.CancellationToken) ?? throw FieldErrors.HostNotFound(id.ToString(CultureInfo.InvariantCulture));
                ctx.Service<EmbedKeyStatus>().Invalidate();
                return host;
            });
        d.Field("issueApiKey").Type("IssuedApiKey!").Description("Analysts only. The key is in the answer once; only its hash is kept.")
            .Argument("host", "ID!")
            .Resolve(async ctx =>
            {
                RequireAnalyst(ctx);
                var id = HostId(ctx, "host");
                return await ctx.Service<HostRegistry>().IssueKeyAsync(id, ctx.CancellationToken) ?? throw FieldErrors.HostNotFound(id.ToString(CultureInfo.InvariantCulture));
            });
        d.Field("revokeApiKey").Type("Boolean!").Description("Analysts only. The key, and tokens issued through it, stop working.")
            .Argument("keyId", "String!")
            .Resolve(async ctx =>
            {
                RequireAnalyst(ctx);
                var keyId = ctx.Argument<string>("keyId")!;
                if (!await ctx.Service<HostRegistry>().RevokeKeyAsync(keyId, ctx.CancellationToken)) throw FieldErrors.KeyNotFound(keyId, usable: false);
                ctx.Service<EmbedKeyStatus>().Invalidate();
                return true;
            });
        d.Field("rotateApiKey").Type("IssuedApiKey!")
            .Description("Analysts only. A new key for the same host; the old one keeps working for overlapHours (0–720), then stops.")
            .Argument("keyId", "String!").Argument("overlapHours", "Int!", a => a.DefaultValue(24))
            .Resolve(async ctx =>
            {
                RequireAnalyst(ctx);
                var keyId = ctx.Argument<string>("keyId")!;
                var hours = ctx.Argument<int>("overlapHours");
                if (hours < 0 || hours > HostRegistry.MaxOverlap.TotalHours)
                    throw FieldErrors.BadArgument("overlapHours", $"overlapHours must be between 0 and {HostRegistry.MaxOverlap.TotalHours:0}.",
                        EmbedProblem.OverlapRange, ("min", 0), ("max", HostRegistry.MaxOverlap.TotalHours));
                var issued = await Guard(() => ctx.Service<HostRegistry>().RotateKeyAsync(keyId, TimeSpan.FromHours(hours), ctx.CancellationToken));
                ctx.Service<EmbedKeyStatus>().Invalidate();
                return issued ?? throw FieldErrors.KeyNotFound(keyId, usable: true);
            });
        d.Field("rotateEmbedSigningKey").Type("String!")
            .Description("Analysts only. A new key signs embed tokens from now on; tokens signed by the old one work for Embed:RetiredKeyGrace more. Returns the new key id.")
            .Resolve(async ctx =>
            {
                RequireAnalyst(ctx);
                var kid = await ctx.Service<SigningKeyRing>().RotateAsync(ctx.CancellationToken);
                ctx.Service<EmbedSigningKeys>().Invalidate();
                return kid;
            });
    }

    private static void RequireAnalyst(IResolveContext ctx)
    {
        if (ctx.Service<ScopeGate>().Role != "analyst") throw FieldErrors.Forbidden("administer host applications");
    }

    private static async Task RequireGrantInScopeAsync(IResolveContext ctx, HostInput input)
    {
        var gate = ctx.Service<ScopeGate>();
        var mine = await gate.ScopeAsync(ctx.CancellationToken);
        // codes the database cannot hold are left to the registry's input check
        var claims = input.GrantUnits.Where(HostRegistry.Storable).Select(u => new Claim(CxClaims.ScopeUnit, u.Trim()))
            .Concat(input.GrantPartners.Where(HostRegistry.Storable).Select(p => new Claim(CxClaims.ScopePartner, p.Trim())));
        var grant = await ctx.Service<ScopeResolver>().ResolveAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, "grant")), ctx.CancellationToken);
        if (input.GrantUnits.Concat(input.GrantPartners).Any(c => c.Trim() == "*") || !grant.UnitIds.IsSubsetOf(mine.UnitIds))
            throw FieldErrors.GrantOutsideScope();
    }

    private static long HostId(IResolveContext ctx, string name = "id") =>
        long.TryParse(ctx.Argument<string>(name), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw FieldErrors.HostNotFound(ctx.Argument<string>(name));

    /// <summary>A refused input: every problem, each named by its input field (the message says "input.field: …").</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (InputRejectedException e)
        {
            throw FieldErrors.Rejected(e.Errors, messagePrefix: "input.");
        }
    }
}
