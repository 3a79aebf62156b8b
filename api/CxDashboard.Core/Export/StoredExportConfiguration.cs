using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Export;

internal sealed class StoredExportConfiguration : IEntityTypeConfiguration<StoredExport>
{
    public void Configure(EntityTypeBuilder<StoredExport> b)
    {
        b.ToTable("stored_export", t => t.HasCheckConstraint("ck_stored_export_status", "status IN ('succeeded','failed')"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasOne<Hierarchy.OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UnitCode, x.Month, x.Locale, x.Status }).HasDatabaseName("ix_stored_export_unit_month");
    }
}
