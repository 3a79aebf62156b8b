using CxDashboard.Core.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Scorecards;

internal sealed class KpiCheckinConfiguration : IEntityTypeConfiguration<KpiCheckin>
{
    public void Configure(EntityTypeBuilder<KpiCheckin> b)
    {
        b.ToTable("kpi_checkin", t => t.HasCheckConstraint("ck_kpi_checkin_status", "status IN ('on_track','at_risk','off_track','no_data')"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        b.Property(x => x.KpiId).HasColumnName("kpi_id");
        b.Property(x => x.PeriodStart).HasColumnName("period_start");
        b.Property(x => x.Value).HasColumnName("value");
        b.Property(x => x.Status).HasColumnName("status");
        b.Property(x => x.Note).HasColumnName("note");
        b.Property(x => x.Author).HasColumnName("author");
        b.Property(x => x.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
        b.HasIndex(x => new { x.KpiId, x.PeriodStart }).HasDatabaseName("ix_kpi_checkin_kpi_period");
        b.HasOne<Kpi>().WithMany().HasForeignKey(x => x.KpiId).OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_kpi_checkin_kpi");
    }
}
