using CxDashboard.Core.Data;
using CxDashboard.Core.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CxDashboard.Api.Hosting;

public static class DataExtensions
{
    /// <summary>Registers the EF Core context on the <c>ConnectionStrings:Cx</c> PostgreSQL database.</summary>
    public static IHostApplicationBuilder AddCxData(this IHostApplicationBuilder builder)
    {
        var cs = builder.Configuration.GetConnectionString("Cx")
            ?? throw new InvalidOperationException(
                "No database configured: set ConnectionStrings:Cx (env ConnectionStrings__Cx). The run script (api/run.sh) does this for you.");
        builder.Services.AddCxDbContext(cs);
        // Raw ADO.NET for COPY and set-based SQL (imports, rollups); EF Core for everything else.
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(WithoutResetOnClose(cs)));
        builder.Services.AddSingleton<Importer>();
        builder.Services.AddSingleton<CxDashboard.Core.Rollups.RollupEngine>();
        builder.Services.AddSingleton<CxDashboard.Core.Jobs.JobRunLog>();
        return builder;
    }

    /// <summary>
    /// The raw data source skips the DISCARD ALL Npgsql sends when a pooled connection is reused (one more
    /// statement and transaction per open; a GraphQL request opens a few). Safe because nothing on it leaves
    /// session state behind: settings are SET LOCAL only, temp tables are ON COMMIT DROP, the rollup's session
    /// advisory lock is released in a finally, no LISTEN; the only prepared statements are the scorecard batch's,
    /// which Npgsql manages and which are meant to outlive the pooled connection's close. Keep it so: new code on this
    /// data source must not SET without LOCAL, create session temp tables or hold session locks past its use.
    /// </summary>
    private static string WithoutResetOnClose(string cs) => new NpgsqlConnectionStringBuilder(cs) { NoResetOnClose = true }.ConnectionString;

    /// <summary>Applies pending migrations (Database:Migrate, default true) before serving.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:Migrate", true)) return;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
        // Creating the history table first keeps EF from logging a failed SELECT on a brand-new database.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
        await db.Database.MigrateAsync();
    }
}
