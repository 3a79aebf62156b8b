using CxDashboard.Core.Facts;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Jobs;
using CxDashboard.Core.Metrics;
using CxDashboard.Core.Scorecards;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Core.Data;

/// <summary>
/// The EF Core model: it owns the schema (migrations) and the plain CRUD tables. Hot paths — imports (COPY),
/// rollups, scorecard and value reads, KPI writes — go through Npgsql SQL on the shared NpgsqlDataSource instead
/// (docs/adr/0002-npgsql-sql-beside-ef-core.md says why); this context serves the metric catalogue, the health
/// check and the migrations.
/// </summary>
/// <remarks>
/// Names are snake_case by convention (EFCore.NamingConventions), so hand-written SQL names tables and columns
/// without quoting. Five primary keys and two indexes named before the convention keep their names (<c>PK_kpi</c>, …),
/// spelled out in their configurations so the schema does not change. Tables EF cannot declare (the
/// month-partitioned facts, rollup cells, Quartz's) are created by the migrations' SQL and are not mapped.
/// Adding a migration: docs/operations.md, "Schema changes".
/// </remarks>
public sealed class CxDbContext(DbContextOptions<CxDbContext> options) : DbContext(options)
{
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<OrgUnitClosure> OrgUnitClosure => Set<OrgUnitClosure>();
    public DbSet<DirtyDay> DirtyDays => Set<DirtyDay>();
    public DbSet<Metric> Metrics => Set<Metric>();
    public DbSet<Kpi> Kpis => Set<Kpi>();
    public DbSet<KpiTarget> KpiTargets => Set<KpiTarget>();
    public DbSet<KpiCheckin> KpiCheckins => Set<KpiCheckin>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<JobRunProgress> JobRunProgress => Set<JobRunProgress>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CxDbContext).Assembly);
    }
}
