using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Jobs;

internal sealed class JobRunProgressConfiguration : IEntityTypeConfiguration<JobRunProgress>
{
    public void Configure(EntityTypeBuilder<JobRunProgress> b)
    {
        b.ToTable("job_run_progress", t => t.HasCheckConstraint("ck_job_run_progress_steps", "steps_done >= 0 AND steps_done <= steps_total"));
        b.HasKey(x => x.JobRunId);
        b.Property(x => x.JobRunId).ValueGeneratedNever();
        b.HasOne<JobRun>().WithOne(r => r.Progress).HasForeignKey<JobRunProgress>(x => x.JobRunId).OnDelete(DeleteBehavior.Cascade);
    }
}
