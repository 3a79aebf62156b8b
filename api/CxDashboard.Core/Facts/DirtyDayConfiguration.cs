using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Facts;

internal sealed class DirtyDayConfiguration : IEntityTypeConfiguration<DirtyDay>
{
    public void Configure(EntityTypeBuilder<DirtyDay> b)
    {
        b.ToTable("dirty_day", t => t.HasCheckConstraint("ck_dirty_day_fact", "fact IN ('response','interaction')"));
        b.HasKey(x => new { x.OrgUnitId, x.Day, x.Fact }).HasName("pk_dirty_day");
        b.Property(x => x.MarkedAt).HasDefaultValueSql("now()");
        b.HasIndex(x => x.MarkedAt).HasDatabaseName("ix_dirty_day_marked_at");
    }
}
