using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purser.Engine.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BillingAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AgreementType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AccountType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AccountStatus = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SoldTo_AddressLine1 = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SoldTo_AddressLine2 = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    SoldTo_City = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    SoldTo_Region = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    SoldTo_PostalCode = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    SoldTo_Country = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SoldTo_CompanyName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BillingAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Budgets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    TimeGrain = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    StartDate = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Notifications = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Budgets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseBody = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.Operation, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RunKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Meters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SubCategory = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreditEligible = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BillingAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Partners",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    BillingDay = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partners", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UsageDailyAggregates",
                columns: table => new
                {
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UsageDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BillingAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    RatedQuantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageDailyAggregates", x => new { x.SubscriptionId, x.MeterId, x.UsageDate });
                });

            migrationBuilder.CreateTable(
                name: "UsageEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BillingAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    Timestamp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BillingProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    InvoiceDay = table.Column<int>(type: "INTEGER", nullable: false),
                    InvoiceEmailOptIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PoNumber = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PaymentMethod = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    BillTo_AddressLine1 = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    BillTo_AddressLine2 = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    BillTo_City = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    BillTo_Region = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    BillTo_PostalCode = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    BillTo_Country = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    BillTo_CompanyName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastInvoicedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BillingProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BillingProfiles_BillingAccounts_BillingAccountId",
                        column: x => x.BillingAccountId,
                        principalTable: "BillingAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Company = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    IsOperator = table.Column<bool>(type: "INTEGER", nullable: false),
                    PreferredLanguage = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Users_BillingAccounts_BillingAccountId",
                        column: x => x.BillingAccountId,
                        principalTable: "BillingAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PriceVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    EffectiveFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnnouncedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriceVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriceVersions_Meters_MeterId",
                        column: x => x.MeterId,
                        principalTable: "Meters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Charges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MeterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChargeType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    CreditEligible = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Charges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Charges_BillingProfiles_BillingProfileId",
                        column: x => x.BillingProfileId,
                        principalTable: "BillingProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CreditLots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    OriginalAmount = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    ClosedBalance = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    CurrentBalance = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    StartDate = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpirationDate = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PoNumber = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditLots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CreditLots_BillingProfiles_BillingProfileId",
                        column: x => x.BillingProfileId,
                        principalTable: "BillingProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Invoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InvoiceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SubTotal = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    CreditApplied = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    TaxAmount = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    TotalAmount = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    AmountDue = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    PurchaseOrderNumber = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invoices_BillingProfiles_BillingProfileId",
                        column: x => x.BillingProfileId,
                        principalTable: "BillingProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Payments_BillingProfiles_BillingProfileId",
                        column: x => x.BillingProfileId,
                        principalTable: "BillingProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoleAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ScopeKind = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ScopeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoleAssignments_BillingAccounts_BillingAccountId",
                        column: x => x.BillingAccountId,
                        principalTable: "BillingAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoleAssignments_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OfferType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OrderId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ServiceAdministratorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NeedsReconfiguration = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StateChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LicenseMeterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CancelledEffective = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Subscriptions_BillingProfiles_BillingProfileId",
                        column: x => x.BillingProfileId,
                        principalTable: "BillingProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Subscriptions_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Subscriptions_Users_ServiceAdministratorId",
                        column: x => x.ServiceAdministratorId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CreditJournal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BillingAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillingProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChargeKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Settles = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditJournal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CreditJournal_BillingProfiles_BillingProfileId",
                        column: x => x.BillingProfileId,
                        principalTable: "BillingProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CreditJournal_CreditLots_LotId",
                        column: x => x.LotId,
                        principalTable: "CreditLots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InvoiceLineItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BillingAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvoiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChargeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PartnerId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ChargeType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    CreditApplied = table.Column<decimal>(type: "TEXT", precision: 28, scale: 10, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceLineItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvoiceLineItems_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeatChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BillingAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeatChanges_Subscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "Subscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_TokenHash",
                table: "ApiTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_UserId",
                table: "ApiTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_BillingAccounts_Name",
                table: "BillingAccounts",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BillingProfiles_BillingAccountId_Name",
                table: "BillingProfiles",
                columns: new[] { "BillingAccountId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Budgets_BillingAccountId",
                table: "Budgets",
                column: "BillingAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Budgets_Scope_Name",
                table: "Budgets",
                columns: new[] { "Scope", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Charges_BillingAccountId_BillingProfileId_InvoiceId",
                table: "Charges",
                columns: new[] { "BillingAccountId", "BillingProfileId", "InvoiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Charges_BillingProfileId_IdempotencyKey",
                table: "Charges",
                columns: new[] { "BillingProfileId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditJournal_BillingAccountId_BillingProfileId_OccurredAt",
                table: "CreditJournal",
                columns: new[] { "BillingAccountId", "BillingProfileId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditJournal_BillingProfileId_ChargeKey",
                table: "CreditJournal",
                columns: new[] { "BillingProfileId", "ChargeKey" });

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
                name: "IX_CreditLots_BillingAccountId_BillingProfileId_ExpirationDate",
                table: "CreditLots",
                columns: new[] { "BillingAccountId", "BillingProfileId", "ExpirationDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditLots_BillingProfileId",
                table: "CreditLots",
                column: "BillingProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLineItems_BillingAccountId_InvoiceId",
                table: "InvoiceLineItems",
                columns: new[] { "BillingAccountId", "InvoiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLineItems_InvoiceId",
                table: "InvoiceLineItems",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_BillingAccountId",
                table: "Invoices",
                column: "BillingAccountId");

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
                name: "IX_JobRuns_JobName_RunKey",
                table: "JobRuns",
                columns: new[] { "JobName", "RunKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meters_Name",
                table: "Meters",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_SentAt",
                table: "Outbox",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_BillingAccountId",
                table: "Payments",
                column: "BillingAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_BillingProfileId_IdempotencyKey",
                table: "Payments",
                columns: new[] { "BillingProfileId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PriceVersions_MeterId_Currency_EffectiveFrom",
                table: "PriceVersions",
                columns: new[] { "MeterId", "Currency", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_BillingAccountId_ScopeId",
                table: "RoleAssignments",
                columns: new[] { "BillingAccountId", "ScopeId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_UserId_ScopeId_Role",
                table: "RoleAssignments",
                columns: new[] { "UserId", "ScopeId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeatChanges_SubscriptionId_EffectiveDate",
                table: "SeatChanges",
                columns: new[] { "SubscriptionId", "EffectiveDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_BillingAccountId_BillingProfileId",
                table: "Subscriptions",
                columns: new[] { "BillingAccountId", "BillingProfileId" });

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
                name: "IX_Subscriptions_PartnerId",
                table: "Subscriptions",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_ServiceAdministratorId",
                table: "Subscriptions",
                column: "ServiceAdministratorId");

            migrationBuilder.CreateIndex(
                name: "IX_UsageDailyAggregates_BillingAccountId_UsageDate",
                table: "UsageDailyAggregates",
                columns: new[] { "BillingAccountId", "UsageDate" });

            migrationBuilder.CreateIndex(
                name: "IX_UsageEvents_BillingAccountId_SubscriptionId_Timestamp",
                table: "UsageEvents",
                columns: new[] { "BillingAccountId", "SubscriptionId", "Timestamp" });

            migrationBuilder.CreateIndex(
                name: "IX_UsageEvents_Source_EventId",
                table: "UsageEvents",
                columns: new[] { "Source", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Users_BillingAccountId",
                table: "Users",
                column: "BillingAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Users_Email",
                table: "Users",
                column: "Email",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "Budgets");

            migrationBuilder.DropTable(
                name: "Charges");

            migrationBuilder.DropTable(
                name: "CreditJournal");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "InvoiceLineItems");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "Payments");

            migrationBuilder.DropTable(
                name: "PriceVersions");

            migrationBuilder.DropTable(
                name: "RoleAssignments");

            migrationBuilder.DropTable(
                name: "SeatChanges");

            migrationBuilder.DropTable(
                name: "UsageDailyAggregates");

            migrationBuilder.DropTable(
                name: "UsageEvents");

            migrationBuilder.DropTable(
                name: "CreditLots");

            migrationBuilder.DropTable(
                name: "Invoices");

            migrationBuilder.DropTable(
                name: "Meters");

            migrationBuilder.DropTable(
                name: "Subscriptions");

            migrationBuilder.DropTable(
                name: "BillingProfiles");

            migrationBuilder.DropTable(
                name: "Partners");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "BillingAccounts");
        }
    }
}
