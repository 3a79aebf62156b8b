using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Core.Facts;

/// <summary>Mapped for reads; created by the migration's SQL (range-partitioned by month of opened_at).</summary>
internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> b)
    {
        b.ToTable("interaction", t => t.ExcludeFromMigrations());
        b.HasKey(x => new { x.Id, x.OpenedAt });
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
        b.Property(x => x.Source).HasColumnName("source");
        b.Property(x => x.ExternalId).HasColumnName("external_id");
        b.Property(x => x.CustomerKey).HasColumnName("customer_key");
        b.Property(x => x.OpenedAt).HasColumnName("opened_at");
        b.Property(x => x.FirstResponseAt).HasColumnName("first_response_at");
        b.Property(x => x.ClosedAt).HasColumnName("closed_at");
        b.Property(x => x.OrgUnitId).HasColumnName("org_unit_id");
        b.Property(x => x.Channel).HasColumnName("channel");
        b.Property(x => x.JourneyStage).HasColumnName("journey_stage");
        b.Property(x => x.Segment).HasColumnName("segment");
        b.Property(x => x.HandleSeconds).HasColumnName("handle_seconds");
        b.Property(x => x.ResolvedFirstContact).HasColumnName("resolved_first_contact");
        b.Property(x => x.Transfers).HasColumnName("transfers");
        b.Property(x => x.RepeatWithin7d).HasColumnName("repeat_within_7d");
        b.Property(x => x.EscalatedFromSelfService).HasColumnName("escalated_from_self_service");
        b.Property(x => x.ContainedInSelfService).HasColumnName("contained_in_self_service");
        b.Property(x => x.SwitchedChannel).HasColumnName("switched_channel");
        b.Property(x => x.Abandoned).HasColumnName("abandoned");
        b.Property(x => x.SlaTargetSeconds).HasColumnName("sla_target_seconds");
        b.Property(x => x.LoadedAt).HasColumnName("loaded_at").ValueGeneratedOnAdd();
    }
}
