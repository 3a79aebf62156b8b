using CxDashboard.Core.Facts;
using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Jobs;
using CxDashboard.Core.Metrics;
using CxDashboard.Core.Scorecards;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Core.Data;

/// <summary>
/// The one store: raw facts, rollups, KPI definitions.
/// </summary>
/// <remarks>
/// Migrations live in migrations/CxDashboard.Migrations. To add one, from the repository root:
/// <code>dotnet ef migrations add &lt;Name&gt; --project migrations/CxDashboard.Migrations --startup-project migrations/CxDashboard.Migrations</code>
/// (the migrations project carries a design-time factory, so no database is needed to add one).
/// </remarks>
public sealed class CxDbContext(DbContextOptions<CxDbContext> options) : DbContext(options)
{
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<OrgUnitClosure> OrgUnitClosure => Set<OrgUnitClosure>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<DirtyDay> DirtyDays => Set<DirtyDay>();
    public DbSet<Metric> Metrics => Set<Metric>();
    public DbSet<Kpi> Kpis => Set<Kpi>();
    public DbSet<KpiTarget> KpiTargets => Set<KpiTarget>();
    public DbSet<KpiCheckin> KpiCheckins => Set<KpiCheckin>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CxDbContext).Assembly);
    }
}
