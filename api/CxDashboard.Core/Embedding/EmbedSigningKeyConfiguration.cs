using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Embedding;

internal sealed class EmbedSigningKeyConfiguration : IEntityTypeConfiguration<EmbedSigningKey>
{
    public void Configure(EntityTypeBuilder<EmbedSigningKey> b)
    {
        b.ToTable("embed_signing_key", t => t.HasCheckConstraint("ck_embed_signing_key_secret", "octet_length(secret) >= 32"));
        b.HasKey(x => x.Kid);
        b.Property(x => x.Kid).HasMaxLength(40);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
    }
}
