using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Jobs;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("job_run", t => t.HasCheckConstraint("ck_job_run_outcome", "outcome IN ('running','succeeded','failed')"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        b.Property(x => x.Job).HasColumnName("job");
        b.Property(x => x.Scope).HasColumnName("scope");
        b.Property(x => x.Node).HasColumnName("node");
        b.Property(x => x.StartedAt).HasColumnName("started_at");
        b.Property(x => x.FinishedAt).HasColumnName("finished_at");
        b.Property(x => x.RowsRead).HasColumnName("rows_read");
        b.Property(x => x.CellsWritten).HasColumnName("cells_written");
        b.Property(x => x.Watermark).HasColumnName("watermark");
        b.Property(x => x.Outcome).HasColumnName("outcome");
        b.Property(x => x.Error).HasColumnName("error");
        b.HasIndex(x => new { x.Job, x.StartedAt }).HasDatabaseName("ix_job_run_job_started");
    }
}
