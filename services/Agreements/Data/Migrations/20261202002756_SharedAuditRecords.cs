using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paradiplomacy.Agreements.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharedAuditRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit trail moves to the platform's shared audit_records shape; existing records are
            // kept: agreement_id becomes aggregate_id and every one is an Agreement's.
            migrationBuilder.DropIndex(
                name: "ix_audit_records_agreement_id_id",
                table: "audit_records");

            migrationBuilder.RenameColumn(
                name: "agreement_id",
                table: "audit_records",
                newName: "aggregate_id");

            migrationBuilder.AlterColumn<string>(
                name: "aggregate_id",
                table: "audit_records",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "aggregate_type",
                table: "audit_records",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "Agreement");

            migrationBuilder.AlterColumn<string>(
                name: "aggregate_type",
                table: "audit_records",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(50)",
                oldMaxLength: 50,
                oldDefaultValue: "Agreement");

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_aggregate_type_aggregate_id_id",
                table: "audit_records",
                columns: new[] { "aggregate_type", "aggregate_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_records_aggregate_type_aggregate_id_id",
                table: "audit_records");

            migrationBuilder.DropColumn(
                name: "aggregate_type",
                table: "audit_records");

            migrationBuilder.RenameColumn(
                name: "aggregate_id",
                table: "audit_records",
                newName: "agreement_id");

            migrationBuilder.AlterColumn<string>(
                name: "agreement_id",
                table: "audit_records",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_agreement_id_id",
                table: "audit_records",
                columns: new[] { "agreement_id", "id" });
        }
    }
}
