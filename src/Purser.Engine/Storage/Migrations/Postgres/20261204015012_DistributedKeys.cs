using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purser.Engine.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DistributedKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ChargeRefunds_BillingProfiles_BillingProfileId",
                table: "ChargeRefunds");

            migrationBuilder.DropForeignKey(
                name: "FK_ChargeRefunds_Charges_ChargeId",
                table: "ChargeRefunds");

            migrationBuilder.DropForeignKey(
                name: "FK_Charges_BillingProfiles_BillingProfileId",
                table: "Charges");

            migrationBuilder.DropForeignKey(
                name: "FK_CreditAlertThresholds_BillingProfiles_BillingProfileId",
                table: "CreditAlertThresholds");

            migrationBuilder.DropForeignKey(
                name: "FK_CreditDayTotals_BillingProfiles_BillingProfileId",
                table: "CreditDayTotals");

            migrationBuilder.DropForeignKey(
                name: "FK_CreditJournal_BillingProfiles_BillingProfileId",
                table: "CreditJournal");

            migrationBuilder.DropForeignKey(
                name: "FK_CreditJournal_CreditLots_LotId",
                table: "CreditJournal");

            migrationBuilder.DropForeignKey(
                name: "FK_CreditLots_BillingProfiles_BillingProfileId",
                table: "CreditLots");

            migrationBuilder.DropForeignKey(
                name: "FK_CreditOpenEntries_BillingProfiles_BillingProfileId",
                table: "CreditOpenEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_CreditSummaries_BillingProfiles_BillingProfileId",
                table: "CreditSummaries");

            migrationBuilder.DropForeignKey(
                name: "FK_InvoiceLineItems_Invoices_InvoiceId",
                table: "InvoiceLineItems");

            migrationBuilder.DropForeignKey(
                name: "FK_Invoices_BillingProfiles_BillingProfileId",
                table: "Invoices");

            migrationBuilder.DropForeignKey(
                name: "FK_Payments_BillingProfiles_BillingProfileId",
                table: "Payments");

            migrationBuilder.DropForeignKey(
                name: "FK_SeatChanges_Subscriptions_SubscriptionId",
                table: "SeatChanges");

            migrationBuilder.DropForeignKey(
                name: "FK_Subscriptions_BillingProfiles_BillingProfileId",
                table: "Subscriptions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_UsageEvents",
                table: "UsageEvents");

            migrationBuilder.DropIndex(
                name: "IX_UsageEvents_Source_EventId",
                table: "UsageEvents");

            migrationBuilder.DropPrimaryKey(
                name: "PK_UsageDailyAggregates",
                table: "UsageDailyAggregates");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Subscriptions",
                table: "Subscriptions");

            migrationBuilder.DropIndex(
                name: "IX_Subscriptions_BillingProfileId",
                table: "Subscriptions");

            migrationBuilder.DropIndex(
                name: "IX_Subscriptions_OrderId",
                table: "Subscriptions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_SeatChanges",
                table: "SeatChanges");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Payments",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Payments_BillingProfileId_IdempotencyKey",
                table: "Payments");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Invoices",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_BillingProfileId_PeriodStart",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_InvoiceNumber",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_Issuer_Sequence",
                table: "Invoices");

            migrationBuilder.DropPrimaryKey(
                name: "PK_InvoiceLineItems",
                table: "InvoiceLineItems");

            migrationBuilder.DropIndex(
                name: "IX_InvoiceLineItems_InvoiceId",
                table: "InvoiceLineItems");

            migrationBuilder.DropIndex(
                name: "IX_CreditSummaries_BillingProfileId",
                table: "CreditSummaries");

            migrationBuilder.DropIndex(
                name: "IX_CreditOpenEntries_BillingProfileId_IdempotencyKey",
                table: "CreditOpenEntries");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CreditLots",
                table: "CreditLots");

            migrationBuilder.DropIndex(
                name: "IX_CreditLots_BillingProfileId",
                table: "CreditLots");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CreditJournal",
                table: "CreditJournal");

            migrationBuilder.DropIndex(
                name: "IX_CreditJournal_BillingProfileId_IdempotencyKey",
                table: "CreditJournal");

            migrationBuilder.DropIndex(
                name: "IX_CreditJournal_LotId",
                table: "CreditJournal");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CreditAlertThresholds",
                table: "CreditAlertThresholds");

            migrationBuilder.DropIndex(
                name: "IX_CreditAlertThresholds_BillingProfileId_Basis_Value",
                table: "CreditAlertThresholds");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Charges",
                table: "Charges");

            migrationBuilder.DropIndex(
                name: "IX_Charges_BillingProfileId_IdempotencyKey",
                table: "Charges");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ChargeRefunds",
                table: "ChargeRefunds");

            migrationBuilder.DropIndex(
                name: "IX_ChargeRefunds_BillingProfileId_IdempotencyKey",
                table: "ChargeRefunds");

            migrationBuilder.DropIndex(
                name: "IX_ChargeRefunds_ChargeId",
                table: "ChargeRefunds");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Budgets",
                table: "Budgets");

            migrationBuilder.DropIndex(
                name: "IX_Budgets_Scope_Name",
                table: "Budgets");

            migrationBuilder.DropPrimaryKey(
                name: "PK_BillingProfiles",
                table: "BillingProfiles");

            migrationBuilder.AddPrimaryKey(
                name: "PK_UsageEvents",
                table: "UsageEvents",
                columns: new[] { "Id", "BillingAccountId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_UsageDailyAggregates",
                table: "UsageDailyAggregates",
                columns: new[] { "SubscriptionId", "MeterId", "UsageDate", "BillingAccountId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Subscriptions",
                table: "Subscriptions",
                columns: new[] { "Id", "BillingAccountId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_SeatChanges",
                table: "SeatChanges",
                columns: new[] { "Id", "BillingAccountId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Payments",
                table: "Payments",
                columns: new[] { "Id", "BillingAccountId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Invoices",
                table: "Invoices",
                columns: new[] { "Id", "BillingAccountId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_InvoiceLineItems",
                table: "InvoiceLineItems",
                columns: new[] { "Id", "BillingAccountId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_CreditLots",
                table: "CreditLots",
                columns: new[] { "Id", "BillingAccountId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_CreditJournal",
                table: "CreditJournal",
                columns: new[] { "Id", "BillingAccountId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_CreditAlertThresholds",
                table: "CreditAlertThresholds",
                columns: new[] { "Id", "BillingAccountId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Charges",
                table: "Charges",
                columns: new[] { "Id", "BillingAccountId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_ChargeRefunds",
                table: "ChargeRefunds",
                columns: new[] { "Id", "BillingAccountId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Budgets",
                table: "Budgets",
                columns: new[] { "Id", "BillingAccountId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_BillingProfiles",
                table: "BillingProfiles",
                columns: new[] { "Id", "BillingAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_UsageEvents_BillingAccountId_Source_EventId",
                table: "UsageEvents",
                columns: new[] { "BillingAccountId", "Source", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_BillingProfileId_BillingAccountId",
                table: "Subscriptions",
                columns: new[] { "BillingProfileId", "BillingAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_OrderId_BillingAccountId",
                table: "Subscriptions",
                columns: new[] { "OrderId", "BillingAccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeatChanges_SubscriptionId_BillingAccountId",
                table: "SeatChanges",
                columns: new[] { "SubscriptionId", "BillingAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_BillingProfileId_BillingAccountId",
                table: "Payments",
                columns: new[] { "BillingProfileId", "BillingAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_BillingProfileId_IdempotencyKey_BillingAccountId",
                table: "Payments",
                columns: new[] { "BillingProfileId", "IdempotencyKey", "BillingAccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_BillingProfileId_BillingAccountId",
                table: "Invoices",
                columns: new[] { "BillingProfileId", "BillingAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_BillingProfileId_PeriodStart_BillingAccountId",
                table: "Invoices",
                columns: new[] { "BillingProfileId", "PeriodStart", "BillingAccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_InvoiceNumber_BillingAccountId",
                table: "Invoices",
                columns: new[] { "InvoiceNumber", "BillingAccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Issuer_Sequence_BillingAccountId",
                table: "Invoices",
                columns: new[] { "Issuer", "Sequence", "BillingAccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLineItems_InvoiceId_BillingAccountId",
                table: "InvoiceLineItems",
                columns: new[] { "InvoiceId", "BillingAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditSummaries_BillingProfileId",
                table: "CreditSummaries",
                column: "BillingProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditSummaries_BillingProfileId_BillingAccountId",
                table: "CreditSummaries",
                columns: new[] { "BillingProfileId", "BillingAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditOpenEntries_BillingProfileId_BillingAccountId",
                table: "CreditOpenEntries",
                columns: new[] { "BillingProfileId", "BillingAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditOpenEntries_BillingProfileId_IdempotencyKey",
                table: "CreditOpenEntries",
                columns: new[] { "BillingProfileId", "IdempotencyKey" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditLots_BillingProfileId_BillingAccountId",
                table: "CreditLots",
                columns: new[] { "BillingProfileId", "BillingAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditJournal_BillingProfileId_BillingAccountId",
                table: "CreditJournal",
                columns: new[] { "BillingProfileId", "BillingAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditJournal_BillingProfileId_IdempotencyKey_BillingAccoun~",
                table: "CreditJournal",
                columns: new[] { "BillingProfileId", "IdempotencyKey", "BillingAccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditJournal_LotId_BillingAccountId",
                table: "CreditJournal",
                columns: new[] { "LotId", "BillingAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditDayTotals_BillingProfileId_BillingAccountId",
                table: "CreditDayTotals",
                columns: new[] { "BillingProfileId", "BillingAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditAlertThresholds_BillingProfileId_Basis_Value_BillingA~",
                table: "CreditAlertThresholds",
                columns: new[] { "BillingProfileId", "Basis", "Value", "BillingAccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditAlertThresholds_BillingProfileId_BillingAccountId",
                table: "CreditAlertThresholds",
                columns: new[] { "BillingProfileId", "BillingAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_Charges_BillingProfileId_BillingAccountId",
                table: "Charges",
                columns: new[] { "BillingProfileId", "BillingAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_Charges_BillingProfileId_IdempotencyKey_BillingAccountId",
                table: "Charges",
                columns: new[] { "BillingProfileId", "IdempotencyKey", "BillingAccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChargeRefunds_BillingProfileId_BillingAccountId",
                table: "ChargeRefunds",
                columns: new[] { "BillingProfileId", "BillingAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChargeRefunds_BillingProfileId_IdempotencyKey_BillingAccoun~",
                table: "ChargeRefunds",
                columns: new[] { "BillingProfileId", "IdempotencyKey", "BillingAccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChargeRefunds_ChargeId_BillingAccountId",
                table: "ChargeRefunds",
                columns: new[] { "ChargeId", "BillingAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_Budgets_Scope_Name_BillingAccountId",
                table: "Budgets",
                columns: new[] { "Scope", "Name", "BillingAccountId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ChargeRefunds_BillingProfiles_BillingProfileId_BillingAccou~",
                table: "ChargeRefunds",
                columns: new[] { "BillingProfileId", "BillingAccountId" },
                principalTable: "BillingProfiles",
                principalColumns: new[] { "Id", "BillingAccountId" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ChargeRefunds_Charges_ChargeId_BillingAccountId",
                table: "ChargeRefunds",
                columns: new[] { "ChargeId", "BillingAccountId" },
                principalTable: "Charges",
                principalColumns: new[] { "Id", "BillingAccountId" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Charges_BillingProfiles_BillingProfileId_BillingAccountId",
                table: "Charges",
                columns: new[] { "BillingProfileId", "BillingAccountId" },
                principalTable: "BillingProfiles",
                principalColumns: new[] { "Id", "BillingAccountId" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CreditAlertThresholds_BillingProfiles_BillingProfileId_Bill~",
                table: "CreditAlertThresholds",
                columns: new[] { "BillingProfileId", "BillingAccountId" },
                principalTable: "BillingProfiles",
                principalColumns: new[] { "Id", "BillingAccountId" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CreditDayTotals_BillingProfiles_BillingProfileId_BillingAcc~",
                table: "CreditDayTotals",
                columns: new[] { "BillingProfileId", "BillingAccountId" },
                principalTable: "BillingProfiles",
                principalColumns: new[] { "Id", "BillingAccountId" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CreditJournal_BillingProfiles_BillingProfileId_BillingAccou~",
                table: "CreditJournal",
                columns: new[] { "BillingProfileId", "BillingAccountId" },
                principalTable: "BillingProfiles",
                principalColumns: new[] { "Id", "BillingAccountId" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CreditJournal_CreditLots_LotId_BillingAccountId",
                table: "CreditJournal",
                columns: new[] { "LotId", "BillingAccountId" },
                principalTable: "CreditLots",
                principalColumns: new[] { "Id", "BillingAccountId" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CreditLots_BillingProfiles_BillingProfileId_BillingAccountId",
                table: "CreditLots",
                columns: new[] { "BillingProfileId", "BillingAccountId" },
                principalTable: "BillingProfiles",
                principalColumns: new[] { "Id", "BillingAccountId" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CreditOpenEntries_BillingProfiles_BillingProfileId_BillingA~",
                table: "CreditOpenEntries",
                columns: new[] { "BillingProfileId", "BillingAccountId" },
                principalTable: "BillingProfiles",
                principalColumns: new[] { "Id", "BillingAccountId" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CreditSummaries_BillingProfiles_BillingProfileId_BillingAcc~",
                table: "CreditSummaries",
                columns: new[] { "BillingProfileId", "BillingAccountId" },
                principalTable: "BillingProfiles",
                principalColumns: new[] { "Id", "BillingAccountId" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_InvoiceLineItems_Invoices_InvoiceId_BillingAccountId",
                table: "InvoiceLineItems",
                columns: new[] { "InvoiceId", "BillingAccountId" },
                principalTable: "Invoices",
                principalColumns: new[] { "Id", "BillingAccountId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Invoices_BillingProfiles_BillingProfileId_BillingAccountId",
                table: "Invoices",
                columns: new[] { "BillingProfileId", "BillingAccountId" },
                principalTable: "BillingProfiles",
                principalColumns: new[] { "Id", "BillingAccountId" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Payments_BillingProfiles_BillingProfileId_BillingAccountId",
                table: "Payments",
                columns: new[] { "BillingProfileId", "BillingAccountId" },
                principalTable: "BillingProfiles",
                principalColumns: new[] { "Id", "BillingAccountId" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SeatChanges_Subscriptions_SubscriptionId_BillingAccountId",
                table: "SeatChanges",
                columns: new[] { "SubscriptionId", "BillingAccountId" },
                principalTable: "Subscriptions",
                principalColumns: new[] { "Id", "BillingAccountId" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Subscriptions_BillingProfiles_BillingProfileId_BillingAccou~",
                table: "Subscriptions",
                columns: new[] { "BillingProfileId", "BillingAccountId" },
                principalTable: "BillingProfiles",
                principalColumns: new[] { "Id", "BillingAccountId" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ChargeRefunds_BillingProfiles_BillingProfileId_BillingAccou~",
                table: "ChargeRefunds");

            migrationBuilder.DropForeignKey(
                name: "FK_ChargeRefunds_Charges_ChargeId_BillingAccountId",
                table: "ChargeRefunds");

            migrationBuilder.DropForeignKey(
                name: "FK_Charges_BillingProfiles_BillingProfileId_BillingAccountId",
                table: "Charges");

            migrationBuilder.DropForeignKey(
                name: "FK_CreditAlertThresholds_BillingProfiles_BillingProfileId_Bill~",
                table: "CreditAlertThresholds");

            migrationBuilder.DropForeignKey(
                name: "FK_CreditDayTotals_BillingProfiles_BillingProfileId_BillingAcc~",
                table: "CreditDayTotals");

            migrationBuilder.DropForeignKey(
                name: "FK_CreditJournal_BillingProfiles_BillingProfileId_BillingAccou~",
                table: "CreditJournal");

            migrationBuilder.DropForeignKey(
                name: "FK_CreditJournal_CreditLots_LotId_BillingAccountId",
                table: "CreditJournal");

            migrationBuilder.DropForeignKey(
                name: "FK_CreditLots_BillingProfiles_BillingProfileId_BillingAccountId",
                table: "CreditLots");

            migrationBuilder.DropForeignKey(
                name: "FK_CreditOpenEntries_BillingProfiles_BillingProfileId_BillingA~",
                table: "CreditOpenEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_CreditSummaries_BillingProfiles_BillingProfileId_BillingAcc~",
                table: "CreditSummaries");

            migrationBuilder.DropForeignKey(
                name: "FK_InvoiceLineItems_Invoices_InvoiceId_BillingAccountId",
                table: "InvoiceLineItems");

            migrationBuilder.DropForeignKey(
                name: "FK_Invoices_BillingProfiles_BillingProfileId_BillingAccountId",
                table: "Invoices");

            migrationBuilder.DropForeignKey(
                name: "FK_Payments_BillingProfiles_BillingProfileId_BillingAccountId",
                table: "Payments");

            migrationBuilder.DropForeignKey(
                name: "FK_SeatChanges_Subscriptions_SubscriptionId_BillingAccountId",
                table: "SeatChanges");

            migrationBuilder.DropForeignKey(
                name: "FK_Subscriptions_BillingProfiles_BillingProfileId_BillingAccou~",
                table: "Subscriptions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_UsageEvents",
                table: "UsageEvents");

            migrationBuilder.DropIndex(
                name: "IX_UsageEvents_BillingAccountId_Source_EventId",
                table: "UsageEvents");

            migrationBuilder.DropPrimaryKey(
                name: "PK_UsageDailyAggregates",
                table: "UsageDailyAggregates");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Subscriptions",
                table: "Subscriptions");

            migrationBuilder.DropIndex(
                name: "IX_Subscriptions_BillingProfileId_BillingAccountId",
                table: "Subscriptions");

            migrationBuilder.DropIndex(
                name: "IX_Subscriptions_OrderId_BillingAccountId",
                table: "Subscriptions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_SeatChanges",
                table: "SeatChanges");

            migrationBuilder.DropIndex(
                name: "IX_SeatChanges_SubscriptionId_BillingAccountId",
                table: "SeatChanges");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Payments",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Payments_BillingProfileId_BillingAccountId",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Payments_BillingProfileId_IdempotencyKey_BillingAccountId",
                table: "Payments");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Invoices",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_BillingProfileId_BillingAccountId",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_BillingProfileId_PeriodStart_BillingAccountId",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_InvoiceNumber_BillingAccountId",
                table: "Invoices");

            migrationBuilder.DropIndex(
                name: "IX_Invoices_Issuer_Sequence_BillingAccountId",
                table: "Invoices");

            migrationBuilder.DropPrimaryKey(
                name: "PK_InvoiceLineItems",
                table: "InvoiceLineItems");

            migrationBuilder.DropIndex(
                name: "IX_InvoiceLineItems_InvoiceId_BillingAccountId",
                table: "InvoiceLineItems");

            migrationBuilder.DropIndex(
                name: "IX_CreditSummaries_BillingProfileId",
                table: "CreditSummaries");

            migrationBuilder.DropIndex(
                name: "IX_CreditSummaries_BillingProfileId_BillingAccountId",
                table: "CreditSummaries");

            migrationBuilder.DropIndex(
                name: "IX_CreditOpenEntries_BillingProfileId_BillingAccountId",
                table: "CreditOpenEntries");

            migrationBuilder.DropIndex(
                name: "IX_CreditOpenEntries_BillingProfileId_IdempotencyKey",
                table: "CreditOpenEntries");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CreditLots",
                table: "CreditLots");

            migrationBuilder.DropIndex(
                name: "IX_CreditLots_BillingProfileId_BillingAccountId",
                table: "CreditLots");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CreditJournal",
                table: "CreditJournal");

            migrationBuilder.DropIndex(
                name: "IX_CreditJournal_BillingProfileId_BillingAccountId",
                table: "CreditJournal");

            migrationBuilder.DropIndex(
                name: "IX_CreditJournal_BillingProfileId_IdempotencyKey_BillingAccoun~",
                table: "CreditJournal");

            migrationBuilder.DropIndex(
                name: "IX_CreditJournal_LotId_BillingAccountId",
                table: "CreditJournal");

            migrationBuilder.DropIndex(
                name: "IX_CreditDayTotals_BillingProfileId_BillingAccountId",
                table: "CreditDayTotals");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CreditAlertThresholds",
                table: "CreditAlertThresholds");

            migrationBuilder.DropIndex(
                name: "IX_CreditAlertThresholds_BillingProfileId_Basis_Value_BillingA~",
                table: "CreditAlertThresholds");

            migrationBuilder.DropIndex(
                name: "IX_CreditAlertThresholds_BillingProfileId_BillingAccountId",
                table: "CreditAlertThresholds");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Charges",
                table: "Charges");

            migrationBuilder.DropIndex(
                name: "IX_Charges_BillingProfileId_BillingAccountId",
                table: "Charges");

            migrationBuilder.DropIndex(
                name: "IX_Charges_BillingProfileId_IdempotencyKey_BillingAccountId",
                table: "Charges");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ChargeRefunds",
                table: "ChargeRefunds");

            migrationBuilder.DropIndex(
                name: "IX_ChargeRefunds_BillingProfileId_BillingAccountId",
                table: "ChargeRefunds");

            migrationBuilder.DropIndex(
                name: "IX_ChargeRefunds_BillingProfileId_IdempotencyKey_BillingAccoun~",
                table: "ChargeRefunds");

            migrationBuilder.DropIndex(
                name: "IX_ChargeRefunds_ChargeId_BillingAccountId",
                table: "ChargeRefunds");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Budgets",
                table: "Budgets");

            migrationBuilder.DropIndex(
                name: "IX_Budgets_Scope_Name_BillingAccountId",
                table: "Budgets");

            migrationBuilder.DropPrimaryKey(
                name: "PK_BillingProfiles",
                table: "BillingProfiles");

            migrationBuilder.AddPrimaryKey(
                name: "PK_UsageEvents",
                table: "UsageEvents",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_UsageDailyAggregates",
                table: "UsageDailyAggregates",
                columns: new[] { "SubscriptionId", "MeterId", "UsageDate" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_Subscriptions",
                table: "Subscriptions",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SeatChanges",
                table: "SeatChanges",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Payments",
                table: "Payments",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Invoices",
                table: "Invoices",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_InvoiceLineItems",
                table: "InvoiceLineItems",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_CreditLots",
                table: "CreditLots",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_CreditJournal",
                table: "CreditJournal",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_CreditAlertThresholds",
                table: "CreditAlertThresholds",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Charges",
                table: "Charges",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ChargeRefunds",
                table: "ChargeRefunds",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Budgets",
                table: "Budgets",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_BillingProfiles",
                table: "BillingProfiles",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_UsageEvents_Source_EventId",
                table: "UsageEvents",
                columns: new[] { "Source", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_BillingProfileId",
                table: "Subscriptions",
                column: "BillingProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_OrderId",
                table: "Subscriptions",
                column: "OrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_BillingProfileId_IdempotencyKey",
                table: "Payments",
                columns: new[] { "BillingProfileId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_BillingProfileId_PeriodStart",
                table: "Invoices",
                columns: new[] { "BillingProfileId", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_InvoiceNumber",
                table: "Invoices",
                column: "InvoiceNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_Issuer_Sequence",
                table: "Invoices",
                columns: new[] { "Issuer", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLineItems_InvoiceId",
                table: "InvoiceLineItems",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditSummaries_BillingProfileId",
                table: "CreditSummaries",
                column: "BillingProfileId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditOpenEntries_BillingProfileId_IdempotencyKey",
                table: "CreditOpenEntries",
                columns: new[] { "BillingProfileId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditLots_BillingProfileId",
                table: "CreditLots",
                column: "BillingProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditJournal_BillingProfileId_IdempotencyKey",
                table: "CreditJournal",
                columns: new[] { "BillingProfileId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditJournal_LotId",
                table: "CreditJournal",
                column: "LotId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditAlertThresholds_BillingProfileId_Basis_Value",
                table: "CreditAlertThresholds",
                columns: new[] { "BillingProfileId", "Basis", "Value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Charges_BillingProfileId_IdempotencyKey",
                table: "Charges",
                columns: new[] { "BillingProfileId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChargeRefunds_BillingProfileId_IdempotencyKey",
                table: "ChargeRefunds",
                columns: new[] { "BillingProfileId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChargeRefunds_ChargeId",
                table: "ChargeRefunds",
                column: "ChargeId");

            migrationBuilder.CreateIndex(
                name: "IX_Budgets_Scope_Name",
                table: "Budgets",
                columns: new[] { "Scope", "Name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ChargeRefunds_BillingProfiles_BillingProfileId",
                table: "ChargeRefunds",
                column: "BillingProfileId",
                principalTable: "BillingProfiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ChargeRefunds_Charges_ChargeId",
                table: "ChargeRefunds",
                column: "ChargeId",
                principalTable: "Charges",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Charges_BillingProfiles_BillingProfileId",
                table: "Charges",
                column: "BillingProfileId",
                principalTable: "BillingProfiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CreditAlertThresholds_BillingProfiles_BillingProfileId",
                table: "CreditAlertThresholds",
                column: "BillingProfileId",
                principalTable: "BillingProfiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CreditDayTotals_BillingProfiles_BillingProfileId",
                table: "CreditDayTotals",
                column: "BillingProfileId",
                principalTable: "BillingProfiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CreditJournal_BillingProfiles_BillingProfileId",
                table: "CreditJournal",
                column: "BillingProfileId",
                principalTable: "BillingProfiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CreditJournal_CreditLots_LotId",
                table: "CreditJournal",
                column: "LotId",
                principalTable: "CreditLots",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CreditLots_BillingProfiles_BillingProfileId",
                table: "CreditLots",
                column: "BillingProfileId",
                principalTable: "BillingProfiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CreditOpenEntries_BillingProfiles_BillingProfileId",
                table: "CreditOpenEntries",
                column: "BillingProfileId",
                principalTable: "BillingProfiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CreditSummaries_BillingProfiles_BillingProfileId",
                table: "CreditSummaries",
                column: "BillingProfileId",
                principalTable: "BillingProfiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_InvoiceLineItems_Invoices_InvoiceId",
                table: "InvoiceLineItems",
                column: "InvoiceId",
                principalTable: "Invoices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Invoices_BillingProfiles_BillingProfileId",
                table: "Invoices",
                column: "BillingProfileId",
                principalTable: "BillingProfiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Payments_BillingProfiles_BillingProfileId",
                table: "Payments",
                column: "BillingProfileId",
                principalTable: "BillingProfiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SeatChanges_Subscriptions_SubscriptionId",
                table: "SeatChanges",
                column: "SubscriptionId",
                principalTable: "Subscriptions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Subscriptions_BillingProfiles_BillingProfileId",
                table: "Subscriptions",
                column: "BillingProfileId",
                principalTable: "BillingProfiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
