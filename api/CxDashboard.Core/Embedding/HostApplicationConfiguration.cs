using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Embedding;

internal sealed class HostApplicationConfiguration : IEntityTypeConfiguration<HostApplication>
{
    public void Configure(EntityTypeBuilder<HostApplication> b)
    {
        b.ToTable("host_application");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasIndex(x => x.Name).IsUnique().HasDatabaseName("ux_host_application_name");
    }
}
