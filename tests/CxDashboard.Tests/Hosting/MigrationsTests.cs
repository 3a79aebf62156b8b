using System.Reflection;
using CxDashboard.Migrations;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Hosting;

/// <summary>
/// The schema's history stays history: the EF model matches the last migration's snapshot, and every migration's
/// raw SQL is text written once, not computed from code that may change later.
/// </summary>
public sealed class MigrationsTests
{
    private static readonly Assembly MigrationsAssembly = typeof(DesignTimeFactory).Assembly;

    [Fact]
    public void The_model_has_no_change_without_a_migration()
    {
        // What `dotnet ef migrations add` would compare: a change here needs a migration (docs/operations.md).
        using var db = new DesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "the EF model differs from CxDbContextModelSnapshot: add a migration");
    }

    [Fact]
    public void Migration_sql_is_constant_text()
    {
        var sqlTypes = MigrationsAssembly.GetTypes().Where(t => t.Namespace == "CxDashboard.Migrations.Sql").ToList();
        Assert.NotEmpty(sqlTypes);
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var computed = sqlTypes
            .SelectMany(t => t.GetFields(all).Where(f => !f.IsLiteral).Cast<MemberInfo>()
                .Concat(t.GetProperties(all))
                // Quartz's own script is read from its package and frozen by hash (QuartzSchemaSql.ScriptSha256).
                .Concat(t.GetMethods(all).Where(m => !m.IsSpecialName && !(t.Name == "QuartzSchemaSql" && m.Name == "UpStatements")))
                .Where(m => !m.Name.Contains('<'))
                .Select(m => $"{t.Name}.{m.Name}"))
            .ToList();
        Assert.True(computed.Count == 0, "migration SQL built at run time (make it a const string): " + string.Join(", ", computed));
    }

    [Fact]
    public void Quartz_schema_script_is_the_one_the_migration_was_written_against()
    {
        var type = MigrationsAssembly.GetType("CxDashboard.Migrations.Sql.QuartzSchemaSql", throwOnError: true)!;
        var statements = (IEnumerable<string>)type.GetMethod("UpStatements")!.Invoke(null, null)!;
        Assert.Contains(statements, s => s.Contains("qrtz_job_details", StringComparison.OrdinalIgnoreCase));
    }
}
