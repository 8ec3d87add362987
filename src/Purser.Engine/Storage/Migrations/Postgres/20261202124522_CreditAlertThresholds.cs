using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purser.Engine.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CreditAlertThresholds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CreditAlertThresholds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BillingAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    BillingProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Basis = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(28,10)", precision: 28, scale: 10, nullable: false),
                    Fired = table.Column<bool>(type: "boolean", nullable: false),
                    Falls = table.Column<int>(type: "integer", nullable: false),
                    TurnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditAlertThresholds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CreditAlertThresholds_BillingProfiles_BillingProfileId",
                        column: x => x.BillingProfileId,
                        principalTable: "BillingProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CreditAlertThresholds_BillingAccountId",
                table: "CreditAlertThresholds",
                column: "BillingAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditAlertThresholds_BillingProfileId_Basis_Value",
                table: "CreditAlertThresholds",
                columns: new[] { "BillingProfileId", "Basis", "Value" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CreditAlertThresholds");
        }
    }
}
