using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Cascade;

internal sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> b)
    {
        b.ToTable("kpi", t =>
        {
            t.HasCheckConstraint("ck_kpi_slice", "(slice_dimension IS NULL) = (slice_value IS NULL)");
            t.HasCheckConstraint("ck_kpi_slice_dimension", "slice_dimension IS NULL OR slice_dimension IN ('channel','journey_stage','segment')");
            t.HasCheckConstraint("ck_kpi_weight", "weight > 0");
        });
        b.HasKey(x => x.Id).HasName("PK_kpi"); // named before the snake_case convention (see CxDbContext)
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.Weight).HasDefaultValue(1m);
        b.Property(x => x.StatusRule).HasColumnType("jsonb");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasIndex(x => x.OrgUnitId).HasDatabaseName("ix_kpi_org_unit");
        b.HasIndex(x => x.ParentKpiId).HasDatabaseName("ix_kpi_parent");
        b.HasIndex(x => x.MetricCode).HasDatabaseName("IX_kpi_metric_code"); // named before the snake_case convention
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_kpi_org_unit");
        b.HasOne<Metric>().WithMany().HasForeignKey(x => x.MetricCode).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_kpi_metric");
        b.HasOne<Kpi>().WithMany().HasForeignKey(x => x.ParentKpiId).OnDelete(DeleteBehavior.SetNull).HasConstraintName("fk_kpi_parent");
    }
}
