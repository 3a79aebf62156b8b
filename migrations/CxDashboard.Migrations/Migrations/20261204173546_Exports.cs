using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CxDashboard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Exports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "export_audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    subject = table.Column<string>(type: "text", nullable: false),
                    caller_name = table.Column<string>(type: "text", nullable: true),
                    kind = table.Column<string>(type: "text", nullable: false),
                    format = table.Column<string>(type: "text", nullable: false),
                    unit_code = table.Column<string>(type: "text", nullable: true),
                    parameters = table.Column<string>(type: "text", nullable: true),
                    scope = table.Column<string>(type: "text", nullable: false),
                    privacy_floor = table.Column<bool>(type: "boolean", nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: false),
                    detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_export_audit", x => x.id);
                    table.CheckConstraint("ck_export_audit_outcome", "outcome IN ('succeeded','refused','aborted')");
                });

            migrationBuilder.CreateTable(
                name: "stored_export",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    kind = table.Column<string>(type: "text", nullable: false),
                    org_unit_id = table.Column<long>(type: "bigint", nullable: false),
                    unit_code = table.Column<string>(type: "text", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    locale = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    scope = table.Column<string>(type: "text", nullable: false),
                    privacy_floor = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true),
                    file_name = table.Column<string>(type: "text", nullable: true),
                    content = table.Column<byte[]>(type: "bytea", nullable: true),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stored_export", x => x.id);
                    table.CheckConstraint("ck_stored_export_status", "status IN ('succeeded','failed')");
                    table.ForeignKey(
                        name: "fk_stored_export_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_export_audit_at",
                table: "export_audit",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_stored_export_org_unit_id",
                table: "stored_export",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_stored_export_unit_month",
                table: "stored_export",
                columns: new[] { "unit_code", "month", "locale", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "export_audit");

            migrationBuilder.DropTable(
                name: "stored_export");
        }
    }
}
