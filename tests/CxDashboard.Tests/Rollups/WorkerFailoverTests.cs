using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CxDashboard.Core.DemoData;
using CxDashboard.Core.Rollups;
using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Rollups;

/// <summary>
/// Two worker processes on one database: the node running a rebuild is killed (SIGKILL); the other
/// takes the work over, the result equals a clean rebuild, and no run is left "running".
/// </summary>
public sealed class WorkerFailoverTests
{
    [Fact]
    public async Task Killing_the_worker_mid_rebuild_lets_the_other_finish_with_identical_cells()
    {
        var db = new CxDatabase();
        await db.InitializeAsync();
        var nodes = new List<Process>();
        try
        {
            await new DemoSeeder(db.DataSource, TextWriter.Null).SeedAsync(new SeedOptions { Responses = 25_000, Interactions = 50_000, Seed = 5 });

            // Node A starts alone; its first refresh is a full build (no rollup state yet).
            var a = StartWorker(db.ConnectionString);
            nodes.Add(a);
            var running = await WaitForAsync(async () =>
                await db.ScalarAsync<long>("SELECT count(*) FROM job_run WHERE outcome = 'running' AND node LIKE '%:' || $1", a.Id.ToString()) > 0,
                Liveness);
            Assert.True(running, $"node A never started a rollup run; its output:\n{Output(a)}");
            a.Kill(entireProcessTree: true);
            await a.WaitForExitAsync();
            Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM rollup_cell")); // A's transaction died with it

            var b = StartWorker(db.ConnectionString);
            nodes.Add(b);
            var finished = await WaitForAsync(async () =>
                await db.ScalarAsync<long>("SELECT count(*) FROM job_run WHERE outcome = 'succeeded' AND node LIKE '%:' || $1 AND scope LIKE 'full%'", b.Id.ToString()) > 0,
                Liveness);
            Assert.True(finished, $"node B never completed the rebuild; its output:\n{Output(b)}");
            // B stops the way a deployment stops it (SIGTERM): B refreshes every 2 s, and a SIGKILL landing inside such a
            // refresh would leave that run 'running' until some node starts its next run, which is A's case, not B's.
            await StopGracefullyAsync(b);

            Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM job_run WHERE outcome = 'running'"));
            Assert.Contains("abandoned", await db.ScalarAsync<string>("SELECT error FROM job_run WHERE node LIKE '%:' || $1 ORDER BY id LIMIT 1", a.Id.ToString()));
            var afterFailover = await db.ScalarAsync<string>("SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) FROM rollup_cell t");
            await new RollupEngine(db.DataSource).RebuildAsync();
            Assert.Equal(await db.ScalarAsync<string>("SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) FROM rollup_cell t"), afterFailover);
        }
        finally
        {
            foreach (var n in nodes.Where(n => !n.HasExited)) n.Kill(entireProcessTree: true);
            await db.DisposeAsync();
        }
    }

    // How long a node may take to start or finish a rebuild of this small set before the test gives up: generous, because
    // on a loaded CI machine (load average 20+) 120 s was once not enough; the test returns as soon as the node is done.
    private static readonly TimeSpan Liveness = TimeSpan.FromMinutes(5);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Process, System.Collections.Concurrent.ConcurrentQueue<string>> Logs = new();

    /// <summary>The node's last output lines, for a failure message.</summary>
    private static string Output(Process p) =>
        Logs.TryGetValue(p, out var lines) ? string.Join('\n', lines.TakeLast(40)) : "(none)";

    private static Process StartWorker(string connectionString)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CxDashboard.Api.dll"));
        foreach (var a in new[] { "--urls", $"http://127.0.0.1:{FreePort()}", "--Role", "worker", "--Database:Migrate", "false", "--Rollups:RefreshInterval", "00:00:02" })
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["ConnectionStrings__Cx"] = connectionString;
        psi.Environment["ASPNETCORE_CONTENTROOT"] = AppContext.BaseDirectory;
        var p = Process.Start(psi)!;
        var lines = Logs.GetOrCreateValue(p);
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static async Task StopGracefullyAsync(Process p)
    {
        using (var term = Process.Start("kill", ["-TERM", p.Id.ToString()])) await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(timeout.Token);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        return false;
    }
}
