using System.Diagnostics;
using System.Security.Claims;
using CxDashboard.Api.Security;
using CxDashboard.Core.Partners;
using CxDashboard.Core.Privacy;
using CxDashboard.Core.Values;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CxDashboard.Api.Cli;

/// <summary>
/// <c>floor-patterns [--unit CODE] [--partner CODE] [--times N] [--audit]</c>: builds the privacy floor's suppression pattern of one
/// scope (a unit's subtree, a partner's engagements) N times from the current rollup cells and prints its size, what it
/// hides and where the time went (reading the counts, solving; with --audit, the linear audit's too); without a scope, the targets the api nodes build after
/// each rollup version (embed hosts, partners) and how long each takes. A measurement and diagnosis tool: api nodes
/// build patterns by themselves.
/// </summary>
internal static class FloorPatternsVerb
{
    public static readonly CliSyntax Syntax = CliSyntax.Of("floor-patterns",
        CliForm.Of(new("--unit", "CODE"), new("--partner", "CODE"), new("--times", "N"), CliOption.Flag("--audit")));

    public static async Task<int> RunAsync(WebApplication app, CliArgs o)
    {
        var db = app.Services.GetRequiredService<NpgsqlDataSource>();
        var floor = app.Services.GetRequiredService<IOptions<ConfidenceOptions>>().Value.PrivacyFloor;
        var all = await app.Services.GetRequiredService<PartnerQueries>().AllAsync();
        IReadOnlyList<FloorTarget> targets;
        if (o.Value("--unit") is null && o.Value("--partner") is null)
        {
            targets = await app.Services.GetRequiredService<FloorPatternWarmer>().TargetsAsync();
        }
        else
        {
            var claims = new List<Claim>();
            if (o.Value("--unit") is { } u) claims.Add(new Claim(CxClaims.ScopeUnit, u));
            if (o.Value("--partner") is { } p) claims.Add(new Claim(CxClaims.ScopePartner, p));
            var scope = await new ScopeResolver(db).ResolveAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, "cli")));
            if (scope.UnitIds.Count == 0) throw new CliUsageException("the scope names no unit or partner that exists");
            targets = [TargetOf(scope, all, Label(o))];
        }
        var times = (int)o.Long("--times", 1);
        foreach (var t in targets)
        {
            var units = new Dictionary<long, long?>();
            await using (var cmd = db.CreateCommand("SELECT id, parent_id FROM org_unit WHERE id = ANY(@ids)"))
            {
                cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint) { Value = t.Scope.ToArray() });
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) units[r.GetInt64(0)] = r.IsDBNull(1) ? null : r.GetInt64(1);
            }
            for (var i = 0; i < times; i++)
            {
                var clock = Stopwatch.StartNew();
                var cube = await FloorCube.BuildAsync(db, units, t.Partners, floor,
                    auditBudget: o.Has("--audit") ? SuppressionSolver.DefaultAuditBudget : SuppressionSolver.NoAudit);
                var took = clock.Elapsed;
                var hidden = string.Join(' ', Enumerable.Range(0, FloorBasis.Columns.Length).Select(b => cube.SuppressedCount(b)));
                // the hidden set in one short hash, to compare two builds (or two versions of the solver) of the same counts
                var fingerprint = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n',
                    Enumerable.Range(0, FloorBasis.Columns.Length).SelectMany(b => cube.HiddenCells(b).Select(c => $"{b} {c}")).Order(StringComparer.Ordinal)))))[..16];
                Console.WriteLine($"{t.Label}: {units.Count} units, {t.Partners.Count} partners, {cube.Cells:N0} cells, hidden per basis {hidden} (hash {fingerprint}); " +
                    $"read {cube.Times.Read.TotalSeconds:0.00}s, solve {cube.Times.Solve.TotalSeconds:0.00}s, {took.TotalSeconds:0.00}s in all; load {LoadAverage()}");
                // what the linear audit added per basis: given away before it, cells it suppressed, relation groups hidden whole (fail closed)
                if (o.Has("--audit")) Console.WriteLine("  linear audit per basis (given away before / cells added / groups hidden whole (cells) / rounds / row operations): " +
                    string.Join("; ", cube.Audits.Select(a => $"{a.GivenAwayAtFirst}/{a.AddedCells}/{a.GroupsHiddenWhole} ({a.CellsHiddenWhole})/{a.Rounds}/{a.Work:N0}")));
            }
        }
        return 0;
    }

    /// <summary>The scope named on the command line, resolved as a token's would be, with the partners it can see.</summary>
    private static FloorTarget TargetOf(CallerScope scope, IReadOnlyList<PartnerInfo> all, string label) =>
        new(scope, ScopeGate.FloorPartnersOf(scope, all), label);

    private static string Label(CliArgs o) =>
        string.Join(' ', new[] { ("--unit", o.Value("--unit")), ("--partner", o.Value("--partner")) }.Where(x => x.Item2 is not null).Select(x => $"{x.Item1} {x.Item2}"));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
