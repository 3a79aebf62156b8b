using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Hierarchy;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.ToTable("org_unit", t =>
        {
            t.HasCheckConstraint("ck_org_unit_kind", "kind IN ('company','division','department','team','partner')");
            // A partner engagement node must say which partner it is; no other node may.
            t.HasCheckConstraint("ck_org_unit_partner", "(kind = 'partner') = (partner_id IS NOT NULL)");
            t.HasCheckConstraint("ck_org_unit_validity", "valid_to IS NULL OR valid_to >= valid_from");
        });
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        b.Property(x => x.ParentId).HasColumnName("parent_id");
        b.Property(x => x.Kind).HasColumnName("kind");
        b.Property(x => x.Code).HasColumnName("code");
        b.Property(x => x.Name).HasColumnName("name");
        b.Property(x => x.PartnerId).HasColumnName("partner_id");
        b.Property(x => x.ValidFrom).HasColumnName("valid_from").HasDefaultValueSql("DATE '2000-01-01'");
        b.Property(x => x.ValidTo).HasColumnName("valid_to");
        b.HasIndex(x => x.Code).IsUnique().HasDatabaseName("ux_org_unit_code");
        b.HasIndex(x => x.ParentId).HasDatabaseName("ix_org_unit_parent");
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_org_unit_parent");
        b.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_org_unit_partner");
    }
}
