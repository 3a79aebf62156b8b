using CxDashboard.Migrations.Sql;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class LooseCoarseCells : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LooseCoarseCellSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LooseCoarseCellSql.Down);
        }
    }
}
