using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Storage;

/// <summary>
/// The whole schema. Each engine has its own subclass so that its migrations are generated and
/// applied separately (<see cref="SqlitePurserDbContext"/>, <see cref="PostgresPurserDbContext"/>).
/// </summary>
internal abstract class PurserDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<BillingAccount> BillingAccounts => Set<BillingAccount>();
    public DbSet<BillingProfile> BillingProfiles => Set<BillingProfile>();
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<SeatChange> SeatChanges => Set<SeatChange>();
    public DbSet<Meter> Meters => Set<Meter>();
    public DbSet<PriceVersion> PriceVersions => Set<PriceVersion>();
    public DbSet<CreditLot> CreditLots => Set<CreditLot>();
    public DbSet<CreditJournalEntry> CreditJournal => Set<CreditJournalEntry>();
    public DbSet<CreditSummary> CreditSummaries => Set<CreditSummary>();
    public DbSet<CreditAlertThreshold> CreditAlertThresholds => Set<CreditAlertThreshold>();
    public DbSet<CreditDayTotal> CreditDayTotals => Set<CreditDayTotal>();
    public DbSet<CreditOpenEntry> CreditOpenEntries => Set<CreditOpenEntry>();
    public DbSet<UsageEvent> UsageEvents => Set<UsageEvent>();
    public DbSet<UsageDailyAggregate> UsageDailyAggregates => Set<UsageDailyAggregate>();
    public DbSet<Charge> Charges => Set<Charge>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceLineItem> InvoiceLineItems => Set<InvoiceLineItem>();
    public DbSet<InvoiceSequence> InvoiceSequences => Set<InvoiceSequence>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<ChargeRefund> ChargeRefunds => Set<ChargeRefund>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<Budget> Budgets => Set<Budget>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The length of a text column that names no other (<see cref="Configurations.StoredNames"/> keeps enums to it too).</summary>
    internal const int TextLength = 400;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Exact decimals wide enough for unit prices of fractional meters and large totals.
        configurationBuilder.Properties<decimal>().HavePrecision(28, 10);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(TextLength);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PurserDbContext).Assembly);
    }

    /// <summary>Every instant is stored and read back as UTC, whatever the engine keeps.</summary>
    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

internal sealed class SqlitePurserDbContext(DbContextOptions<SqlitePurserDbContext> options) : PurserDbContext(options)
{
    /// <summary>
    /// Tables whose Id the database numbers. SQLite numbers rows only through a one-column INTEGER PRIMARY KEY, so here
    /// they keep that key; the SQLite store is one node and never distributed, and on PostgreSQL they are keyed by
    /// (Id, BillingAccountId) as every customer table is (<see cref="Configurations.AccountKeys"/>).
    /// </summary>
    internal static readonly Type[] NumberedByRowId = [typeof(SeatChange), typeof(CreditJournalEntry), typeof(UsageEvent), typeof(InvoiceLineItem)];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var type in NumberedByRowId)
            modelBuilder.Entity(type).HasKey("Id");
    }
}

internal sealed class PostgresPurserDbContext(DbContextOptions<PostgresPurserDbContext> options) : PurserDbContext(options);
