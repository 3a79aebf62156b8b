using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Embedding;

internal sealed class EmbedAuditConfiguration : IEntityTypeConfiguration<EmbedAudit>
{
    public void Configure(EntityTypeBuilder<EmbedAudit> b)
    {
        b.ToTable("embed_audit", t => t.HasCheckConstraint("ck_embed_audit_event", "event IN ('token','token_refused','export')"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.At).HasDefaultValueSql("now()");
        // Audit rows outlive the host they name: no foreign key, so deleting a host keeps its history.
        b.HasIndex(x => new { x.HostApplicationId, x.At }).HasDatabaseName("ix_embed_audit_host_at");
    }
}
