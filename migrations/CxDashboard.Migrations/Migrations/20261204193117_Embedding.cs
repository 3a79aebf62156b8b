using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CxDashboard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Embedding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "embed_audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    @event = table.Column<string>(name: "event", type: "text", nullable: false),
                    host_application_id = table.Column<long>(type: "bigint", nullable: true),
                    key_id = table.Column<string>(type: "text", nullable: true),
                    token_id = table.Column<string>(type: "text", nullable: true),
                    view = table.Column<string>(type: "text", nullable: true),
                    scope = table.Column<string>(type: "text", nullable: true),
                    detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_embed_audit", x => x.id);
                    table.CheckConstraint("ck_embed_audit_event", "event IN ('token','token_refused','export')");
                });

            migrationBuilder.CreateTable(
                name: "embed_signing_key",
                columns: table => new
                {
                    kid = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    secret = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_embed_signing_key", x => x.kid);
                    table.CheckConstraint("ck_embed_signing_key_secret", "octet_length(secret) >= 32");
                });

            migrationBuilder.CreateTable(
                name: "host_application",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    origins = table.Column<string[]>(type: "text[]", nullable: false),
                    grant_units = table.Column<string[]>(type: "text[]", nullable: false),
                    grant_partners = table.Column<string[]>(type: "text[]", nullable: false),
                    views = table.Column<string[]>(type: "text[]", nullable: false),
                    permissions = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    disabled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_host_application", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "embed_api_key",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    host_application_id = table.Column<long>(type: "bigint", nullable: false),
                    key_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    secret_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_embed_api_key", x => x.id);
                    table.CheckConstraint("ck_embed_api_key_hash", "octet_length(secret_hash) = 32");
                    table.ForeignKey(
                        name: "fk_embed_api_key_host_application_host_application_id",
                        column: x => x.host_application_id,
                        principalTable: "host_application",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_embed_api_key_host_application_id",
                table: "embed_api_key",
                column: "host_application_id");

            migrationBuilder.CreateIndex(
                name: "ux_embed_api_key_key_id",
                table: "embed_api_key",
                column: "key_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_embed_audit_host_at",
                table: "embed_audit",
                columns: new[] { "host_application_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ux_host_application_name",
                table: "host_application",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "embed_api_key");

            migrationBuilder.DropTable(
                name: "embed_audit");

            migrationBuilder.DropTable(
                name: "embed_signing_key");

            migrationBuilder.DropTable(
                name: "host_application");
        }
    }
}
