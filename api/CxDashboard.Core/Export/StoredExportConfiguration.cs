using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Export;

internal sealed class StoredExportConfiguration : IEntityTypeConfiguration<StoredExport>
{
    public void Configure(EntityTypeBuilder<StoredExport> b)
    {
        b.ToTable("stored_export", t => t.HasCheckConstraint("ck_stored_export_status", "status IN ('succeeded','failed')"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        b.Property(x => x.Kind).HasColumnName("kind");
        b.Property(x => x.OrgUnitId).HasColumnName("org_unit_id");
        b.Property(x => x.UnitCode).HasColumnName("unit_code");
        b.Property(x => x.Month).HasColumnName("month");
        b.Property(x => x.Locale).HasColumnName("locale");
        b.Property(x => x.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
        b.Property(x => x.CreatedBy).HasColumnName("created_by");
        b.Property(x => x.Scope).HasColumnName("scope");
        b.Property(x => x.PrivacyFloor).HasColumnName("privacy_floor");
        b.Property(x => x.Status).HasColumnName("status");
        b.Property(x => x.Attempt).HasColumnName("attempt");
        b.Property(x => x.Error).HasColumnName("error");
        b.Property(x => x.FileName).HasColumnName("file_name");
        b.Property(x => x.Content).HasColumnName("content");
        b.Property(x => x.SizeBytes).HasColumnName("size_bytes");
        b.HasOne<Hierarchy.OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.UnitCode, x.Month, x.Locale, x.Status }).HasDatabaseName("ix_stored_export_unit_month");
    }
}
