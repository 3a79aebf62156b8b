using CxDashboard.Core.Hierarchy;
using CxDashboard.Core.Metrics;
using CxDashboard.Core.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Scorecards;

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
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        b.Property(x => x.OrgUnitId).HasColumnName("org_unit_id");
        b.Property(x => x.MetricCode).HasColumnName("metric_code");
        b.Property(x => x.SliceDimension).HasColumnName("slice_dimension");
        b.Property(x => x.SliceValue).HasColumnName("slice_value");
        b.Property(x => x.ParentKpiId).HasColumnName("parent_kpi_id");
        b.Property(x => x.Weight).HasColumnName("weight").HasDefaultValue(1m);
        b.Property(x => x.IsShared).HasColumnName("is_shared");
        b.Property(x => x.Owner).HasColumnName("owner");
        b.Property(x => x.StatusRule).HasColumnName("status_rule").HasColumnType("jsonb");
        b.Property(x => x.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
        b.HasIndex(x => x.OrgUnitId).HasDatabaseName("ix_kpi_org_unit");
        b.HasIndex(x => x.ParentKpiId).HasDatabaseName("ix_kpi_parent");
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_kpi_org_unit");
        b.HasOne<Metric>().WithMany().HasForeignKey(x => x.MetricCode).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_kpi_metric");
        b.HasOne<Kpi>().WithMany().HasForeignKey(x => x.ParentKpiId).OnDelete(DeleteBehavior.SetNull).HasConstraintName("fk_kpi_parent");
    }
}
