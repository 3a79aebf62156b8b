using CxDashboard.Core.Drivers;
using CxDashboard.Core.Embedding;
using CxDashboard.Core.Export;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Ingestion;
using CxDashboard.Core.Jobs;
using CxDashboard.Core.Partners;
using CxDashboard.Core.Rollups;
using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;
using CxDashboard.Core.Verbatims;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CxDashboard.Core.Data;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Every Core service, on one PostgreSQL database. EF Core (<see cref="CxDbContext"/>) owns the schema and serves
    /// plain CRUD reads; everything on a hot path — imports, rollups, value, scorecard and driver reads, KPI writes — is
    /// Npgsql SQL on the one <see cref="NpgsqlDataSource"/> registered here (docs/adr/0002-npgsql-sql-beside-ef-core.md).
    /// </summary>
    public static IServiceCollection AddCxCore(this IServiceCollection services, string connectionString)
    {
        services.AddCxDbContext(connectionString);
        services.AddSingleton(_ => NpgsqlDataSource.Create(WithoutResetOnClose(connectionString)));

        // Import limits from the host's configuration (section Imports) when it binds them, else the defaults.
        services.AddSingleton(sp => new Importer(sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetService<Microsoft.Extensions.Options.IOptions<ImportOptions>>()?.Value ?? new ImportOptions()));
        services.AddSingleton<RollupEngine>();
        services.AddSingleton<JobRunLog>();
        services.AddSingleton<OrgQueries>();
        services.AddSingleton<CellStore>();
        services.AddSingleton<PartnerQueries>();
        services.AddSingleton<VerbatimQuery>();
        services.AddSingleton<KpiQueries>();
        // Targets and check-ins share the imports' earliest plausible date.
        services.AddSingleton(sp => new KpiAdminService(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<KpiQueries>(),
            sp.GetService<Microsoft.Extensions.Options.IOptions<ImportOptions>>()?.Value ?? new ImportOptions()));
        services.AddSingleton<ScorecardService>();
        services.AddSingleton<DriverService>();
        services.AddSingleton<RollupReadiness>();
        services.AddSingleton<RawExport>();
        services.AddSingleton<ExportAuditLog>();
        services.AddCxEmbeddingCore();
        return services;
    }

    /// <summary>
    /// The data source skips the DISCARD ALL Npgsql sends when a pooled connection is reused (one more statement and
    /// transaction per open; a GraphQL request opens a few). Safe only while nothing on it leaves session state behind:
    /// settings with SET LOCAL only, temp tables ON COMMIT DROP, session advisory locks released in a finally, no LISTEN;
    /// the only prepared statements are Npgsql's own. New code on this data source must keep to that
    /// (docs/adr/0004-no-reset-on-close.md).
    /// </summary>
    private static string WithoutResetOnClose(string cs) => new NpgsqlConnectionStringBuilder(cs) { NoResetOnClose = true }.ConnectionString;
}
