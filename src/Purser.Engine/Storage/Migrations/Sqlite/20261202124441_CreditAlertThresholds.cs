using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purser.Engine.Storage.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    Fired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Falls = table.Column<int>(type: "INTEGER", nullable: false),
                    TurnedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
