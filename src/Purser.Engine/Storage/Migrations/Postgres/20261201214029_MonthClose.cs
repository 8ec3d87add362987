using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purser.Engine.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MonthClose : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PartnerId",
                table: "Users",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Issuer",
                table: "Invoices",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "Invoices",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Corrects",
                table: "InvoiceLineItems",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "BillingProfiles",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "zh-Hans");

            migrationBuilder.CreateTable(
                name: "InvoiceSequences",
                columns: table => new
                {
                    Issuer = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LastNumber = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceSequences", x => x.Issuer);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Users_PartnerId",
                table: "Users",
                column: "PartnerId");

            // Invoices issued before numbering was sequential join the sequence in the order they were written; the default issuer's row exists from the start.
            migrationBuilder.Sql("""
                UPDATE "Invoices" SET "Issuer" = 'Purser', "Sequence" = (SELECT COUNT(*) FROM "Invoices" AS earlier
                    WHERE earlier."CreatedAt" < "Invoices"."CreatedAt"
                       OR (earlier."CreatedAt" = "Invoices"."CreatedAt" AND earlier."InvoiceNumber" <= "Invoices"."InvoiceNumber"));
                INSERT INTO "InvoiceSequences" ("Issuer", "LastNumber") SELECT 'Purser', COUNT(*) FROM "Invoices";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Issuer_Sequence",
                table: "Invoices",
                columns: new[] { "Issuer", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLineItems_BillingAccountId_SubscriptionId",
                table: "InvoiceLineItems",
                columns: new[] { "BillingAccountId", "SubscriptionId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Users_Partners_PartnerId",
                table: "Users",
                column: "PartnerId",
                principalTable: "Partners",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Users_Partners_PartnerId",
                table: "Users");

            migrationBuilder.DropTable(
                name: "InvoiceSequences");

            migrationBuilder.DropIndex(
                name: "IX_Users_PartnerId",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_Issuer_Sequence",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_InvoiceLineItems_BillingAccountId_SubscriptionId",
                table: "InvoiceLineItems");

            migrationBuilder.DropColumn(
                name: "PartnerId",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "Issuer",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "Invoices");

            migrationBuilder.DropColumn(
                name: "Corrects",
                table: "InvoiceLineItems");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "BillingProfiles");
        }
    }
}
