using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Export;

internal sealed class ExportAuditConfiguration : IEntityTypeConfiguration<ExportAudit>
{
    public void Configure(EntityTypeBuilder<ExportAudit> b)
    {
        b.ToTable("export_audit", t => t.HasCheckConstraint("ck_export_audit_outcome", "outcome IN ('succeeded','refused','aborted')"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        b.Property(x => x.At).HasColumnName("at").HasDefaultValueSql("now()");
        b.Property(x => x.Subject).HasColumnName("subject");
        b.Property(x => x.CallerName).HasColumnName("caller_name");
        b.Property(x => x.Kind).HasColumnName("kind");
        b.Property(x => x.Format).HasColumnName("format");
        b.Property(x => x.UnitCode).HasColumnName("unit_code");
        b.Property(x => x.Parameters).HasColumnName("parameters");
        b.Property(x => x.Scope).HasColumnName("scope");
        b.Property(x => x.PrivacyFloor).HasColumnName("privacy_floor");
        b.Property(x => x.Rows).HasColumnName("rows");
        b.Property(x => x.Outcome).HasColumnName("outcome");
        b.Property(x => x.Detail).HasColumnName("detail");
        b.HasIndex(x => x.At).HasDatabaseName("ix_export_audit_at");
    }
}
