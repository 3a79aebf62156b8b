using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Embedding;

internal sealed class EmbedApiKeyConfiguration : IEntityTypeConfiguration<EmbedApiKey>
{
    public void Configure(EntityTypeBuilder<EmbedApiKey> b)
    {
        b.ToTable("embed_api_key", t => t.HasCheckConstraint("ck_embed_api_key_hash", "octet_length(secret_hash) = 32"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.KeyId).HasMaxLength(40);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasIndex(x => x.KeyId).IsUnique().HasDatabaseName("ux_embed_api_key_key_id");
        b.HasOne(x => x.HostApplication).WithMany(h => h.Keys).HasForeignKey(x => x.HostApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
