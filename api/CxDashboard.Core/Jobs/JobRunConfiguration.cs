using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Jobs;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("job_run", t => t.HasCheckConstraint("ck_job_run_outcome", "outcome IN ('running','succeeded','failed')"));
        b.HasKey(x => x.Id).HasName("PK_job_run"); // named before the snake_case convention (see CxDbContext)
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.HasIndex(x => new { x.Job, x.StartedAt }).HasDatabaseName("ix_job_run_job_started");
    }
}
