using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Cascade;

internal sealed class KpiTargetConfiguration : IEntityTypeConfiguration<KpiTarget>
{
    public void Configure(EntityTypeBuilder<KpiTarget> b)
    {
        b.ToTable("kpi_target", t => t.HasCheckConstraint("ck_kpi_target_grain", "grain IN ('month','quarter','year')"));
        b.HasKey(x => new { x.KpiId, x.Grain, x.PeriodStart }).HasName("pk_kpi_target");
        b.HasOne<Kpi>().WithMany().HasForeignKey(x => x.KpiId).OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_kpi_target_kpi");
    }
}
