using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Ingestion;

namespace CxDashboard.Tests.Cli;

/// <summary>
/// Bad command lines, run as an operator would (a separate process on a real database): every verb refuses a word or
/// an option it does not take with exit code 2 and one line naming it and what the verb accepts, and writes nothing.
/// </summary>
public sealed class CliUsageTests(CxDatabase db) : IClassFixture<CxDatabase>
{
    // The word or option that is wrong, then the command line; "{out}" is a file the command must not create.
    public static TheoryData<string, string, string[]> StrayWords => new()
    {
        { "rebuild", "rollup accepts: rollup [--full]", ["rollup", "rebuild"] },
        { "now", "migrate accepts: migrate", ["migrate", "now"] },
        { "demo", "seed accepts: seed [--responses N]", ["seed", "demo", "--if-empty"] },
        { "extra.csv", "import accepts: import <org-units|responses|interactions> <file>", ["import", "responses", "{out}", "extra.csv"] },
        { "everything", "export monthly-review accepts: export monthly-review --unit CODE", ["export", "monthly-review", "everything", "--unit", "CO", "--month", "2026-10", "--out", "{out}"] },
        { "all", "floor-patterns accepts: floor-patterns [--unit CODE]", ["floor-patterns", "all"] },
        { "list", "embed accepts: embed hosts | embed add-host", ["embed", "list"] },
        { "now", "embed add-host accepts: embed add-host --name N", ["embed", "add-host", "now", "--name", "x", "--origins", "https://x.example", "--views", "scorecard"] },
        { "rolup", "verbs: embed, export, floor-patterns, import, migrate, rollup, schema, seed", ["rolup", "--full"] },
    };

    public static TheoryData<string, string, string[]> UnknownOptions => new()
    {
        { "--rebuild", "rollup accepts: rollup [--full]", ["rollup", "--rebuild"] },
        { "--force", "migrate accepts: migrate", ["migrate", "--force"] },
        { "--yes", "seed accepts: seed [--responses N]", ["seed", "--if-empty", "--yes"] },
        { "--dry-run", "import accepts: import <org-units|responses|interactions> <file>", ["import", "responses", "{out}", "--dry-run"] },
        { "--month", "export responses accepts: export responses --unit CODE [--from yyyy-MM-dd]", ["export", "responses", "--unit", "CO", "--month", "2026-10", "--out", "{out}"] },
        { "--all", "floor-patterns accepts: floor-patterns [--unit CODE]", ["floor-patterns", "--all"] },
        { "--name", "embed hosts accepts: embed hosts", ["embed", "hosts", "--name", "x"] },
        { "--full", "rollup: --full is given twice", ["rollup", "--full", "--full"] },
        { "--out", "schema accepts: schema [--out FILE]", ["schema", "--out"] },
    };

    [Theory]
    [MemberData(nameof(StrayWords))]
    public Task A_stray_word_fails_with_code_2_naming_it_and_what_the_verb_accepts_and_nothing_is_written(string word, string accepts, string[] args) =>
        RefusedAsync($"'{word}'", accepts, args);

    [Theory]
    [MemberData(nameof(UnknownOptions))]
    public Task An_unknown_option_fails_with_code_2_naming_it_and_what_the_verb_accepts_and_nothing_is_written(string option, string accepts, string[] args) =>
        RefusedAsync(option, accepts, args);

    private async Task RefusedAsync(string named, string accepts, string[] args)
    {
        var output = Path.Combine(Path.GetTempPath(), $"cx-cli-usage-{Guid.NewGuid():N}.csv");
        // an import's file exists (a good one), so only the stray word can refuse it
        if (args[0] == "import") await File.WriteAllTextAsync(output, "unit_code,unit_name,parent_code,level\nZZ,Zed,,company\n");
        var line = string.Join(' ', args);
        args = [.. args.Select(a => a == "{out}" ? output : a)];
        try
        {
            var before = await SnapshotAsync();
            var (code, stdout, stderr) = await CliRunner.RunAsync(db.ConnectionString, args);

            Assert.True(code == 2, $"`{line}` exited {code}; stdout: {stdout}; stderr: {stderr}");
            var message = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: ", message);
            Assert.Contains(named, message);
            Assert.Contains(accepts, message);
            Assert.Equal("", stdout);
            Assert.Equal(before, await SnapshotAsync());
            if (args[0] != "import") Assert.False(File.Exists(output), $"`{line}` wrote {output}");
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Every table's row count and the rollup state: a run started, a host registered or a row imported all change it.</summary>
    private async Task<string> SnapshotAsync()
    {
        var tables = await db.RowsAsync("""
            SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1
            """);
        Assert.Contains(tables, t => (string)t[0]! == "public.job_run");
        var counts = new List<string>();
        foreach (var t in tables) counts.Add($"{t[0]}={await db.ScalarAsync<long>($"SELECT count(*) FROM {t[0]}")}");
        var state = await db.RowsAsync("SELECT * FROM rollup_state");
        return string.Join('\n', counts.Concat(state.Select(r => string.Join(',', r))));
    }
}
