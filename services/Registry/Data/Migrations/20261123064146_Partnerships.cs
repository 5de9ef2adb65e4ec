using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paradiplomacy.Registry.Data.Migrations
{
    /// <inheritdoc />
    public partial class Partnerships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "partnerships",
                columns: table => new
                {
                    agreement_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    indonesian_party_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    foreign_party_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    agreement_version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partnerships", x => x.agreement_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_partnerships_foreign_party_ids",
                table: "partnerships",
                column: "foreign_party_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_partnerships_indonesian_party_id",
                table: "partnerships",
                column: "indonesian_party_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "partnerships");
        }
    }
}
