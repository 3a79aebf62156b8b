using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Export;

internal sealed class ExportAuditConfiguration : IEntityTypeConfiguration<ExportAudit>
{
    public void Configure(EntityTypeBuilder<ExportAudit> b)
    {
        b.ToTable("export_audit", t => t.HasCheckConstraint("ck_export_audit_outcome", "outcome IN ('succeeded','refused','aborted')"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.At).HasDefaultValueSql("now()");
        b.HasIndex(x => x.At).HasDatabaseName("ix_export_audit_at");
    }
}
