using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Tests.Storage;

/// <summary>
/// SPEC §6 (issue 13): a table that grows with customers must be distributable by billing account in Citus, so its
/// primary key, every unique index and every reference to another such table hold BillingAccountId. Every entity is classified: a reference/platform table
/// (small, replicated to every node), or distributed. A new entity on neither list fails here until someone decides.
/// </summary>
public class DistributionKeyTests
{
    private const string DistributionColumn = nameof(Subscription.BillingAccountId);

    /// <summary>Tables Citus would keep as reference tables, each with why it does not grow per customer (or must stay global).</summary>
    private static readonly Dictionary<Type, string> s_reference = new()
    {
        [typeof(BillingAccount)] = "the tenant table itself: its Id is the distribution value and its Name is unique across all tenants",
        [typeof(User)] = "identity: e-mail is unique across tenants and operators have no account",
        [typeof(ApiToken)] = "identity: a token is looked up by its hash before any account is known",
        [typeof(RoleAssignment)] = "identity: resolved per user at sign-in, before any account is chosen",
        [typeof(Partner)] = "platform: a handful of resellers",
        [typeof(Meter)] = "catalog: the platform's meters",
        [typeof(PriceVersion)] = "catalog: prices of the platform's meters",
        [typeof(InvoiceSequence)] = "issuers: one counter row per invoice issuer",
        [typeof(JobRun)] = "jobs: one row per scheduled run, not per customer",
        [typeof(IdempotencyRecord)] = "platform: keyed by operation and caller key, expired after a retention window",
        [typeof(OutboxMessage)] = "platform queue: drained by senders across accounts; operator mail has no account",
        [typeof(WebhookEndpoint)] = "platform: the operator's receivers",
        [typeof(WebhookDelivery)] = "platform queue: deliveries to the operator's receivers",
        [typeof(DataProtectionKey)] = "platform: the server's key ring",
    };

    public static TheoryData<string> Models => ["Sqlite", "Postgres"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_customer_table_keys_every_unique_row_by_billing_account(string engine)
    {
        using DbContext db = engine == "Sqlite" ? new SqliteDesignTimeFactory().CreateDbContext([]) : new PostgresDesignTimeFactory().CreateDbContext([]);
        var entities = db.Model.GetEntityTypes().Where(t => !t.IsOwned()).ToList();

        var stale = s_reference.Keys.Where(t => entities.All(e => e.ClrType != t)).Select(t => t.Name);
        Assert.Empty(stale);

        var violations = new Dictionary<Type, List<string>>();
        foreach (var entity in entities.Where(e => !s_reference.ContainsKey(e.ClrType)))
        {
            var keys = new List<(string Name, IReadOnlyList<IProperty> Properties)>();
            // SQLite numbers these rows through a one-column key (SqlitePurserDbContext says why); PostgreSQL must not.
            if (!(engine == "Sqlite" && SqlitePurserDbContext.NumberedByRowId.Contains(entity.ClrType)))
                keys.Add(("primary key", entity.FindPrimaryKey()!.Properties));
            keys.AddRange(entity.GetIndexes().Where(i => i.IsUnique).Select(i => ($"unique index {i.GetDatabaseName()}", i.Properties)));
            // Citus keeps a reference between two distributed tables only when it names the distribution column on both sides.
            keys.AddRange(entity.GetForeignKeys().Where(fk => !s_reference.ContainsKey(fk.PrincipalEntityType.ClrType))
                .Select(fk => ($"reference to {fk.PrincipalEntityType.ClrType.Name}", fk.Properties)));
            var missing = keys.Where(k => k.Properties.All(p => p.Name != DistributionColumn)).Select(k => k.Name).ToList();
            if (missing.Count > 0)
                violations[entity.ClrType] = missing;
        }

        Assert.Empty(violations.Select(v => $"{v.Key.Name}: {string.Join(", ", v.Value)}"));
    }
}
