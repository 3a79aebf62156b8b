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
        b.HasData(MetricCatalogue.All);
    }
}
