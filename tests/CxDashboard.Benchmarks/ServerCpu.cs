namespace CxDashboard.Benchmarks;

/// <summary>
/// CPU seconds used so far by every PostgreSQL process of this machine (user + system, with the reaped children that a
/// process counts, such as parallel workers under the postmaster), from /proc. The benchmark's server runs alone, so a
/// difference around a step is that step's CPU time however many processes worked on it.
/// </summary>
internal static class ServerCpu
{
    public static double Now()
    {
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                if (close < 0 || !stat[..close].Contains("(postgres", StringComparison.Ordinal)) continue;
                // fields after the command: state is field 3; utime 14, stime 15, cutime 16, cstime 17
                var f = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(f[11]) + long.Parse(f[12]) + long.Parse(f[13]) + long.Parse(f[14]);
            }
            catch (IOException) { } // the process ended meanwhile
            catch (UnauthorizedAccessException) { }
        }
        return ticks / 100.0; // USER_HZ
    }
}
