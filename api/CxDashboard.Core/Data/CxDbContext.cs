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
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CxDbContext).Assembly);
    }
}
