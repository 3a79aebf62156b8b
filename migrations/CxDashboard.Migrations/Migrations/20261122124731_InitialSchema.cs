using System;
using System.Text.Json;
using CxDashboard.Migrations.Sql;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CxDashboard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dirty_day",
                columns: table => new
                {
                    org_unit_id = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    fact = table.Column<string>(type: "text", nullable: false),
                    marked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dirty_day", x => new { x.org_unit_id, x.day, x.fact });
                    table.CheckConstraint("ck_dirty_day_fact", "fact IN ('response','interaction')");
                });

            migrationBuilder.CreateTable(
                name: "job_run",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    job = table.Column<string>(type: "text", nullable: false),
                    scope = table.Column<string>(type: "text", nullable: true),
                    node = table.Column<string>(type: "text", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rows_read = table.Column<long>(type: "bigint", nullable: true),
                    cells_written = table.Column<long>(type: "bigint", nullable: true),
                    watermark = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "text", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_run", x => x.id);
                    table.CheckConstraint("ck_job_run_outcome", "outcome IN ('running','succeeded','failed')");
                });

            migrationBuilder.CreateTable(
                name: "metric",
                columns: table => new
                {
                    code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    unit = table.Column<string>(type: "text", nullable: false),
                    direction = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    computation = table.Column<string>(type: "text", nullable: false),
                    scale_min = table.Column<short>(type: "smallint", nullable: true),
                    scale_max = table.Column<short>(type: "smallint", nullable: true),
                    method = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metric", x => x.code);
                    table.CheckConstraint("ck_metric_direction", "direction IN ('higher','lower')");
                    table.CheckConstraint("ck_metric_kind", "kind IN ('outcome','process')");
                });

            migrationBuilder.CreateTable(
                name: "partner",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partner", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "org_unit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    parent_id = table.Column<long>(type: "bigint", nullable: true),
                    kind = table.Column<string>(type: "text", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    partner_id = table.Column<long>(type: "bigint", nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false, defaultValueSql: "DATE '2000-01-01'"),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_unit", x => x.id);
                    table.CheckConstraint("ck_org_unit_kind", "kind IN ('company','division','department','team','partner')");
                    table.CheckConstraint("ck_org_unit_partner", "(kind = 'partner') = (partner_id IS NOT NULL)");
                    table.CheckConstraint("ck_org_unit_validity", "valid_to IS NULL OR valid_to >= valid_from");
                    table.ForeignKey(
                        name: "fk_org_unit_parent",
                        column: x => x.parent_id,
                        principalTable: "org_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_org_unit_partner",
                        column: x => x.partner_id,
                        principalTable: "partner",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kpi",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    org_unit_id = table.Column<long>(type: "bigint", nullable: false),
                    metric_code = table.Column<string>(type: "text", nullable: false),
                    slice_dimension = table.Column<string>(type: "text", nullable: true),
                    slice_value = table.Column<string>(type: "text", nullable: true),
                    parent_kpi_id = table.Column<long>(type: "bigint", nullable: true),
                    weight = table.Column<decimal>(type: "numeric", nullable: false, defaultValue: 1m),
                    is_shared = table.Column<bool>(type: "boolean", nullable: false),
                    owner = table.Column<string>(type: "text", nullable: true),
                    status_rule = table.Column<JsonDocument>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi", x => x.id);
                    table.CheckConstraint("ck_kpi_slice", "(slice_dimension IS NULL) = (slice_value IS NULL)");
                    table.CheckConstraint("ck_kpi_slice_dimension", "slice_dimension IS NULL OR slice_dimension IN ('channel','journey_stage','segment')");
                    table.CheckConstraint("ck_kpi_weight", "weight > 0");
                    table.ForeignKey(
                        name: "fk_kpi_metric",
                        column: x => x.metric_code,
                        principalTable: "metric",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_kpi_org_unit",
                        column: x => x.org_unit_id,
                        principalTable: "org_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_kpi_parent",
                        column: x => x.parent_kpi_id,
                        principalTable: "kpi",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "org_unit_closure",
                columns: table => new
                {
                    ancestor_id = table.Column<long>(type: "bigint", nullable: false),
                    descendant_id = table.Column<long>(type: "bigint", nullable: false),
                    depth = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_unit_closure", x => new { x.ancestor_id, x.descendant_id });
                    table.ForeignKey(
                        name: "fk_closure_ancestor",
                        column: x => x.ancestor_id,
                        principalTable: "org_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_closure_descendant",
                        column: x => x.descendant_id,
                        principalTable: "org_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kpi_checkin",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    kpi_id = table.Column<long>(type: "bigint", nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<decimal>(type: "numeric", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    note = table.Column<string>(type: "text", nullable: true),
                    author = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kpi_checkin", x => x.id);
                    table.CheckConstraint("ck_kpi_checkin_status", "status IN ('on_track','at_risk','off_track','no_data')");
                    table.ForeignKey(
                        name: "fk_kpi_checkin_kpi",
                        column: x => x.kpi_id,
                        principalTable: "kpi",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kpi_target",
                columns: table => new
                {
                    kpi_id = table.Column<long>(type: "bigint", nullable: false),
                    grain = table.Column<string>(type: "text", nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    target = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_target", x => new { x.kpi_id, x.grain, x.period_start });
                    table.CheckConstraint("ck_kpi_target_grain", "grain IN ('month','quarter','year')");
                    table.ForeignKey(
                        name: "fk_kpi_target_kpi",
                        column: x => x.kpi_id,
                        principalTable: "kpi",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "metric",
                columns: new[] { "code", "computation", "description", "direction", "kind", "method", "name", "scale_max", "scale_min", "unit" },
                values: new object[,]
                {
                    { "abandonment", "abandoned contacts / contacts.", "Share of contacts the customer gave up on before being served.", "lower", "process", null, "Abandonment rate", null, null, "percent" },
                    { "ces", "mean of the 1–7 agreement scores.", "\"The company made it easy to handle my issue\", mean agreement on 1–7.", "higher", "outcome", "survey", "Customer effort (mean)", (short)7, (short)1, "mean" },
                    { "ces_agree", "share of responses scoring 5–7 on the 1–7 scale.", "Share of customers agreeing it was easy (5–7 on 1–7).", "higher", "outcome", "survey", "Customer effort (% agree)", (short)7, (short)1, "percent" },
                    { "channel_switch", "contacts where the customer switched channel / contacts.", "Share of contacts continued in another channel.", "lower", "process", null, "Channel switch rate", null, null, "percent" },
                    { "containment", "self-service sessions finished without an agent and no assisted contact within 24 h / self-service sessions started.", "Share of self-service sessions that needed no agent.", "higher", "process", null, "Self-service containment", null, null, "percent" },
                    { "csat", "share of responses scoring 4 or 5 on the 1–5 scale.", "Share of satisfied customers (4–5 on a 1–5 scale).", "higher", "outcome", "survey", "Customer satisfaction (top-2 box)", (short)5, (short)1, "percent" },
                    { "csat_mean", "mean of the 1–5 scores.", "Average satisfaction score on the 1–5 scale.", "higher", "outcome", "survey", "Customer satisfaction (mean)", (short)5, (short)1, "mean" },
                    { "fcr", "contacts resolved at first contact / contacts with a resolution flag.", "Share of contacts resolved without a follow-up.", "higher", "process", "agent flag", "First-contact resolution", null, null, "percent" },
                    { "handle_time", "median, p90 and mean of handle seconds, from log-scale histogram buckets.", "Agent time spent on the contact.", "lower", "process", null, "Handle time", null, null, "seconds" },
                    { "nps", "100 × (promoters − detractors) / responses; promoters 9–10, detractors 0–6, pooled from counts.", "How likely is it that you would recommend us to a friend or colleague? (0–10)", "higher", "outcome", "survey", "Net Promoter Score", (short)10, (short)0, "score" },
                    { "repeat_rate", "contacts followed by another from the same customer within 7 days / contacts.", "Share of contacts that needed another contact within 7 days.", "lower", "process", "repeat window 7 days", "Repeat contact rate", null, null, "percent" },
                    { "response_time", "median, p90 and mean of opened → first response, from log-scale histogram buckets.", "Time until the customer got a first response.", "lower", "process", null, "First response time", null, null, "seconds" },
                    { "sla", "contacts with first response within the SLA target / contacts with a target.", "Share of contacts answered within their service-level target.", "higher", "process", null, "SLA attainment", null, null, "percent" },
                    { "transfer_rate", "contacts with at least one transfer / contacts (each contact counted once, IVR hand-offs excluded).", "Share of contacts passed between agents or teams.", "lower", "process", null, "Transfer rate", null, null, "percent" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_dirty_day_marked_at",
                table: "dirty_day",
                column: "marked_at");

            migrationBuilder.CreateIndex(
                name: "ix_job_run_job_started",
                table: "job_run",
                columns: new[] { "job", "started_at" });

            migrationBuilder.CreateIndex(
                name: "IX_kpi_metric_code",
                table: "kpi",
                column: "metric_code");

            migrationBuilder.CreateIndex(
                name: "ix_kpi_org_unit",
                table: "kpi",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_kpi_parent",
                table: "kpi",
                column: "parent_kpi_id");

            migrationBuilder.CreateIndex(
                name: "ix_kpi_checkin_kpi_period",
                table: "kpi_checkin",
                columns: new[] { "kpi_id", "period_start" });

            migrationBuilder.CreateIndex(
                name: "IX_org_unit_partner_id",
                table: "org_unit",
                column: "partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_org_unit_parent",
                table: "org_unit",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ux_org_unit_code",
                table: "org_unit",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_org_unit_closure_descendant",
                table: "org_unit_closure",
                column: "descendant_id");

            migrationBuilder.CreateIndex(
                name: "ux_partner_code",
                table: "partner",
                column: "code",
                unique: true);
            migrationBuilder.Sql(PartitionedFactsSql.Up);
            migrationBuilder.Sql(OrgClosureSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(OrgClosureSql.Down);
            migrationBuilder.Sql(PartitionedFactsSql.Down);

            migrationBuilder.DropTable(
                name: "dirty_day");

            migrationBuilder.DropTable(
                name: "job_run");

            migrationBuilder.DropTable(
                name: "kpi_checkin");

            migrationBuilder.DropTable(
                name: "kpi_target");

            migrationBuilder.DropTable(
                name: "org_unit_closure");

            migrationBuilder.DropTable(
                name: "kpi");

            migrationBuilder.DropTable(
                name: "metric");

            migrationBuilder.DropTable(
                name: "org_unit");

            migrationBuilder.DropTable(
                name: "partner");
        }
    }
}
