using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Paradiplomacy.Agreements.Data.Migrations
{
    /// <inheritdoc />
    public partial class ActivePairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "active_pairs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    agreement_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    indonesian_party_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    foreign_party_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_active_pairs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_active_pairs_agreement_id",
                table: "active_pairs",
                column: "agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_active_pairs_indonesian_party_id_foreign_party_id_kind",
                table: "active_pairs",
                columns: new[] { "indonesian_party_id", "foreign_party_id", "kind" },
                unique: true);

            // The pairs of the agreements already active.
            migrationBuilder.Sql("""
                INSERT INTO active_pairs (agreement_id, indonesian_party_id, foreign_party_id, kind)
                SELECT a.id, a.indonesian_party_id, p.foreign_party_id, a.kind
                FROM agreements a CROSS JOIN LATERAL unnest(a.partner_ids) AS p(foreign_party_id)
                WHERE a.status = 'Active'
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "active_pairs");
        }
    }
}
