using CxDashboard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CxDashboard.Api.Hosting;

public static class DataExtensions
{
    /// <summary>Every Core service (<c>AddCxCore</c>) on the <c>ConnectionStrings:Cx</c> PostgreSQL database.</summary>
    public static IHostApplicationBuilder AddCxData(this IHostApplicationBuilder builder)
    {
        var cs = builder.Configuration.GetConnectionString("Cx")
            ?? throw new InvalidOperationException(
                "No database configured: set ConnectionStrings:Cx (env ConnectionStrings__Cx). The run script (api/run.sh) does this for you.");
        builder.Services.AddCxCore(cs);
        builder.Services.Configure<CxDashboard.Core.Ingestion.ImportOptions>(builder.Configuration.GetSection(CxDashboard.Core.Ingestion.ImportOptions.Section));
        return builder;
    }

    private const string RenameLegacyHistoryColumns = """
        DO $$
        BEGIN
          IF EXISTS (SELECT 1 FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = '__EFMigrationsHistory' AND column_name = 'MigrationId') THEN
            ALTER TABLE "__EFMigrationsHistory" RENAME COLUMN "MigrationId" TO migration_id;
            ALTER TABLE "__EFMigrationsHistory" RENAME COLUMN "ProductVersion" TO product_version;
          END IF;
        END $$;
        """;

    /// <summary>Applies pending migrations (Database:Migrate, default true) before serving.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:Migrate", true)) return;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
        // Databases migrated before the snake_case naming convention keep EF's history columns as "MigrationId" and
        // "ProductVersion"; the convention now reads migration_id and product_version, so rename them in place.
        await db.Database.ExecuteSqlRawAsync(RenameLegacyHistoryColumns);
        // Creating the history table first keeps EF from logging a failed SELECT on a brand-new database.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
        await db.Database.MigrateAsync();
    }
}
