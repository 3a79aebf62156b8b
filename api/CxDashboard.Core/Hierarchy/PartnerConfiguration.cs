using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Hierarchy;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> b)
    {
        b.ToTable("partner");
        b.HasKey(x => x.Id).HasName("PK_partner"); // named before the snake_case convention (see CxDbContext)
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.HasIndex(x => x.Code).IsUnique().HasDatabaseName("ux_partner_code");
    }
}
