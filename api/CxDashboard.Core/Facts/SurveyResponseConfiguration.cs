using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Facts;

/// <summary>
/// Mapped for reads; the table itself is created by the migration's SQL because EF Core cannot
/// declare range partitioning (monthly partitions are added by <c>ensure_month_partitions</c>).
/// </summary>
internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.ToTable("survey_response", t => t.ExcludeFromMigrations());
        b.HasKey(x => new { x.Id, x.RespondedAt });
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
        b.Property(x => x.Source).HasColumnName("source");
        b.Property(x => x.ExternalId).HasColumnName("external_id");
        b.Property(x => x.RespondedAt).HasColumnName("responded_at");
        b.Property(x => x.OrgUnitId).HasColumnName("org_unit_id");
        b.Property(x => x.Channel).HasColumnName("channel");
        b.Property(x => x.JourneyStage).HasColumnName("journey_stage");
        b.Property(x => x.Segment).HasColumnName("segment");
        b.Property(x => x.Touchpoint).HasColumnName("touchpoint");
        b.Property(x => x.Nps).HasColumnName("nps");
        b.Property(x => x.Csat).HasColumnName("csat");
        b.Property(x => x.Ces).HasColumnName("ces");
        b.Property(x => x.Comment).HasColumnName("comment");
        b.Property(x => x.InteractionExternalId).HasColumnName("interaction_external_id");
        b.Property(x => x.LoadedAt).HasColumnName("loaded_at").ValueGeneratedOnAdd();
    }
}
