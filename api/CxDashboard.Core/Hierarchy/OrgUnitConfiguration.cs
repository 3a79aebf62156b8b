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
        b.HasKey(x => x.Id).HasName("PK_org_unit"); // named before the snake_case convention (see CxDbContext)
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.ValidFrom).HasDefaultValueSql("DATE '2000-01-01'");
        b.HasIndex(x => x.Code).IsUnique().HasDatabaseName("ux_org_unit_code");
        b.HasIndex(x => x.ParentId).HasDatabaseName("ix_org_unit_parent");
        b.HasIndex(x => x.PartnerId).HasDatabaseName("IX_org_unit_partner_id"); // named before the snake_case convention
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_org_unit_parent");
        b.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_org_unit_partner");
    }
}
