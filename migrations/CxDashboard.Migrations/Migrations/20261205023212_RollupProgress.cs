using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class RollupProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "job_run_progress",
                columns: table => new
                {
                    job_run_id = table.Column<long>(type: "bigint", nullable: false),
                    step = table.Column<string>(type: "text", nullable: false),
                    steps_done = table.Column<int>(type: "integer", nullable: false),
                    steps_total = table.Column<int>(type: "integer", nullable: false),
                    rows_read = table.Column<long>(type: "bigint", nullable: false),
                    cells_written = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_run_progress", x => x.job_run_id);
                    table.CheckConstraint("ck_job_run_progress_steps", "steps_done >= 0 AND steps_done <= steps_total");
                    table.ForeignKey(
                        name: "fk_job_run_progress_job_runs_job_run_id",
                        column: x => x.job_run_id,
                        principalTable: "job_run",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_run_progress");
        }
    }
}
