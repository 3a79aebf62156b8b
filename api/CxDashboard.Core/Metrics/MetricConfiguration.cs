using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Metrics;

internal sealed class MetricConfiguration : IEntityTypeConfiguration<Metric>
{
    public void Configure(EntityTypeBuilder<Metric> b)
    {
        b.ToTable("metric", t =>
        {
            t.HasCheckConstraint("ck_metric_kind", "kind IN ('outcome','process')");
            t.HasCheckConstraint("ck_metric_direction", "direction IN ('higher','lower')");
        });
        b.HasKey(x => x.Code).HasName("pk_metric");
        b.Property(x => x.Code).HasColumnName("code");
        b.Property(x => x.Name).HasColumnName("name");
        b.Property(x => x.Kind).HasColumnName("kind");
        b.Property(x => x.Unit).HasColumnName("unit");
        b.Property(x => x.Direction).HasColumnName("direction");
        b.Property(x => x.Description).HasColumnName("description");
        b.Property(x => x.Computation).HasColumnName("computation");
        b.Property(x => x.ScaleMin).HasColumnName("scale_min");
        b.Property(x => x.ScaleMax).HasColumnName("scale_max");
        b.Property(x => x.Method).HasColumnName("method");
        b.HasData(MetricCatalogue.All);
    }
}
