using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paradiplomacy.Registry.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceTraits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "reference_traits",
                table: "cities",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.CreateIndex(
                name: "ix_cities_reference_traits",
                table: "cities",
                column: "reference_traits")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cities_reference_traits",
                table: "cities");

            migrationBuilder.DropColumn(
                name: "reference_traits",
                table: "cities");
        }
    }
}
