using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Paradiplomacy.Programs.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    aggregate_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    aggregate_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "partner_agreements",
                columns: table => new
                {
                    agreement_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    indonesian_party_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    region_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    province_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    foreign_party_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    fields = table.Column<List<string>>(type: "text[]", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: true),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                    parent_agreement_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_agreements", x => x.agreement_id);
                });

            migrationBuilder.CreateTable(
                name: "programs",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    agreement_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    region_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    province_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    indonesian_party_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    foreign_party_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    field = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    objectives = table.Column<string>(type: "text", nullable: true),
                    indonesian_lead_office = table.Column<string>(type: "text", nullable: false),
                    foreign_lead_office = table.Column<string>(type: "text", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    delivery_mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    location = table.Column<string>(type: "text", nullable: true),
                    recurrence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sdg_targets = table.Column<List<string>>(type: "text[]", nullable: false),
                    all_sdg_targets = table.Column<List<string>>(type: "text[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    edition = table.Column<int>(type: "integer", nullable: false),
                    series_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    previous_edition_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    next_edition_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    approved = table.Column<bool>(type: "boolean", nullable: false),
                    postponements = table.Column<string>(type: "jsonb", nullable: false),
                    pivots = table.Column<string>(type: "jsonb", nullable: false),
                    cancellation = table.Column<string>(type: "jsonb", nullable: true),
                    agreement_ended = table.Column<string>(type: "jsonb", nullable: true),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    milestones = table.Column<string>(type: "jsonb", nullable: false),
                    evaluations = table.Column<string>(type: "jsonb", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    request_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "indicator_actuals",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    indicator_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    disaggregation = table.Column<string>(type: "jsonb", nullable: false),
                    is_total = table.Column<bool>(type: "boolean", nullable: false),
                    evidence = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    sdg_targets = table.Column<List<string>>(type: "text[]", nullable: false),
                    program_id = table.Column<string>(type: "character varying(64)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_actuals", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicator_actuals_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicators",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    baseline = table.Column<double>(type: "double precision", nullable: false),
                    target = table.Column<double>(type: "double precision", nullable: false),
                    disaggregations = table.Column<List<string>>(type: "text[]", nullable: false),
                    sdg_targets = table.Column<List<string>>(type: "text[]", nullable: false),
                    program_id = table.Column<string>(type: "character varying(64)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicators_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "participants",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    side = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    home_city_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    gender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    age_band = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    consent = table.Column<string>(type: "jsonb", nullable: false),
                    erased = table.Column<bool>(type: "boolean", nullable: false),
                    request_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    enrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    program_id = table.Column<string>(type: "character varying(64)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participants", x => x.id);
                    table.ForeignKey(
                        name: "fk_participants_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_records_aggregate_type_aggregate_id_id",
                table: "audit_records",
                columns: new[] { "aggregate_type", "aggregate_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_indicator_actuals_is_total_period_end",
                table: "indicator_actuals",
                columns: new[] { "is_total", "period_end" });

            migrationBuilder.CreateIndex(
                name: "ix_indicator_actuals_program_id",
                table: "indicator_actuals",
                column: "program_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_actuals_sdg_targets",
                table: "indicator_actuals",
                column: "sdg_targets")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_program_id",
                table: "indicators",
                column: "program_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_pending",
                table: "outbox_messages",
                column: "sequence",
                filter: "published_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_participants_program_id",
                table: "participants",
                column: "program_id");

            migrationBuilder.CreateIndex(
                name: "ix_participants_program_id_request_id",
                table: "participants",
                columns: new[] { "program_id", "request_id" },
                unique: true,
                filter: "request_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_partner_agreements_parent_agreement_id",
                table: "partner_agreements",
                column: "parent_agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_agreements_region_code",
                table: "partner_agreements",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_partner_agreements_status_province_code",
                table: "partner_agreements",
                columns: new[] { "status", "province_code" });

            migrationBuilder.CreateIndex(
                name: "ix_programs_agreement_id_status",
                table: "programs",
                columns: new[] { "agreement_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_programs_all_sdg_targets",
                table: "programs",
                column: "all_sdg_targets")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_programs_province_code_status",
                table: "programs",
                columns: new[] { "province_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_programs_region_code_status",
                table: "programs",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_programs_request_id",
                table: "programs",
                column: "request_id",
                unique: true,
                filter: "request_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_programs_series_id",
                table: "programs",
                column: "series_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_records");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "indicator_actuals");

            migrationBuilder.DropTable(
                name: "indicators");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "participants");

            migrationBuilder.DropTable(
                name: "partner_agreements");

            migrationBuilder.DropTable(
                name: "programs");
        }
    }
}
