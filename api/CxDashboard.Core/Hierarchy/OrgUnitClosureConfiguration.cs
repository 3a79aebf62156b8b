using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Hierarchy;

internal sealed class OrgUnitClosureConfiguration : IEntityTypeConfiguration<OrgUnitClosure>
{
    public void Configure(EntityTypeBuilder<OrgUnitClosure> b)
    {
        b.ToTable("org_unit_closure");
        b.HasKey(x => new { x.AncestorId, x.DescendantId }).HasName("pk_org_unit_closure");
        b.HasIndex(x => x.DescendantId).HasDatabaseName("ix_org_unit_closure_descendant");
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.AncestorId).OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_closure_ancestor");
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.DescendantId).OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_closure_descendant");
    }
}
