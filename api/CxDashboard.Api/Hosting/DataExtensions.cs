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
