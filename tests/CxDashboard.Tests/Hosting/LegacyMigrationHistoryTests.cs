using CxDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CxDashboard.Tests.Hosting;

/// <summary>
/// A database migrated before the snake_case naming convention has EF's history columns in Pascal case; starting
/// the host on it must migrate, not fail with <c>column "migration_id" does not exist</c>.
/// </summary>
public sealed class LegacyMigrationHistoryTests : IClassFixture<CxDatabase>
{
    private readonly CxDatabase db;

    public LegacyMigrationHistoryTests(CxDatabase db) => this.db = db;

    [Fact]
    public async Task A_database_with_pascal_case_history_columns_is_migrated_on_start()
    {
        var applied = await db.ScalarAsync<long>("SELECT count(*) FROM \"__EFMigrationsHistory\"");
        Assert.True(applied > 0);
        await db.ExecuteAsync("""ALTER TABLE "__EFMigrationsHistory" RENAME COLUMN migration_id TO "MigrationId" """);
        await db.ExecuteAsync("""ALTER TABLE "__EFMigrationsHistory" RENAME COLUMN product_version TO "ProductVersion" """);

        await using (var host = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:Cx", db.ConnectionString);
            web.UseSetting("Database:Migrate", "true");
            web.UseSetting("Role", "api");
        }))
        {
            using var client = host.CreateClient();
            using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.True(health.IsSuccessStatusCode, $"/healthz answered {(int)health.StatusCode}");
        }

        var columns = await db.RowsAsync("""
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = '__EFMigrationsHistory' ORDER BY column_name
            """);
        Assert.Equal(["migration_id", "product_version"], columns.Select(r => (string)r[0]!));
        // Nothing re-applied, nothing lost: the same migrations are recorded.
        Assert.Equal(applied, await db.ScalarAsync<long>("SELECT count(*) FROM \"__EFMigrationsHistory\""));
    }
}
