using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purser.Engine.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeptCreditPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "Adjusted",
                table: "CreditLots",
                type: "numeric(28,10)",
                precision: 28,
                scale: 10,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "Drawn",
                table: "CreditLots",
                type: "numeric(28,10)",
                precision: 28,
                scale: 10,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "Expired",
                table: "CreditLots",
                type: "numeric(28,10)",
                precision: 28,
                scale: 10,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "Granted",
                table: "CreditLots",
                type: "numeric(28,10)",
                precision: 28,
                scale: 10,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "Refunded",
                table: "CreditLots",
                type: "numeric(28,10)",
                precision: 28,
                scale: 10,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "CreditDayTotals",
                columns: table => new
                {
                    BillingAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    BillingProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditDayTotals", x => new { x.BillingAccountId, x.BillingProfileId, x.Day });
                    table.ForeignKey(
                        name: "FK_CreditDayTotals_BillingProfiles_BillingProfileId",
                        column: x => x.BillingProfileId,
                        principalTable: "BillingProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CreditOpenEntries",
                columns: table => new
                {
                    BillingAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    BillingProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditOpenEntries", x => new { x.BillingAccountId, x.BillingProfileId, x.IdempotencyKey });
                    table.ForeignKey(
                        name: "FK_CreditOpenEntries_BillingProfiles_BillingProfileId",
                        column: x => x.BillingProfileId,
                        principalTable: "BillingProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CreditSummaries",
                columns: table => new
                {
                    BillingAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    BillingProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    CurrentBalance = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: false),
                    PendingEligibleCharges = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: false),
                    PendingCreditAdjustments = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: false),
                    ExpiredCredit = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditSummaries", x => new { x.BillingAccountId, x.BillingProfileId });
                    table.ForeignKey(
                        name: "FK_CreditSummaries_BillingProfiles_BillingProfileId",
                        column: x => x.BillingProfileId,
                        principalTable: "BillingProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CreditJournal_BillingProfileId_Settles",
                table: "CreditJournal",
                columns: new[] { "BillingProfileId", "Settles" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditDayTotals_BillingProfileId_Day",
                table: "CreditDayTotals",
                columns: new[] { "BillingProfileId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditOpenEntries_BillingProfileId_IdempotencyKey",
                table: "CreditOpenEntries",
                columns: new[] { "BillingProfileId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditSummaries_BillingProfileId",
                table: "CreditSummaries",
                column: "BillingProfileId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CreditDayTotals");

            migrationBuilder.DropTable(
                name: "CreditOpenEntries");

            migrationBuilder.DropTable(
                name: "CreditSummaries");

            migrationBuilder.DropIndex(
                name: "IX_CreditJournal_BillingProfileId_Settles",
                table: "CreditJournal");

            migrationBuilder.DropColumn(
                name: "Adjusted",
                table: "CreditLots");

            migrationBuilder.DropColumn(
                name: "Drawn",
                table: "CreditLots");

            migrationBuilder.DropColumn(
                name: "Expired",
                table: "CreditLots");

            migrationBuilder.DropColumn(
                name: "Granted",
                table: "CreditLots");

            migrationBuilder.DropColumn(
                name: "Refunded",
                table: "CreditLots");
        }
    }
}
