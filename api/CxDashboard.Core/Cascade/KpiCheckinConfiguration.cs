using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Cascade;

internal sealed class KpiCheckinConfiguration : IEntityTypeConfiguration<KpiCheckin>
{
    public void Configure(EntityTypeBuilder<KpiCheckin> b)
    {
        b.ToTable("kpi_checkin", t => t.HasCheckConstraint("ck_kpi_checkin_status", "status IN ('on_track','at_risk','off_track','no_data')"));
        b.HasKey(x => x.Id).HasName("PK_kpi_checkin"); // named before the snake_case convention (see CxDbContext)
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasIndex(x => new { x.KpiId, x.PeriodStart }).HasDatabaseName("ix_kpi_checkin_kpi_period");
        b.HasOne<Kpi>().WithMany().HasForeignKey(x => x.KpiId).OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_kpi_checkin_kpi");
    }
}
