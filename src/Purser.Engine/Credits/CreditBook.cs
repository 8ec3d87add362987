using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Ledger;
using Purser.Core.Lifecycle;
using Purser.Core.Monetary;
using Purser.Engine.Notifications;
using Purser.Engine.Storage;
using Purser.Engine.Telemetry;
using Stored = Purser.Engine.Storage.Entities;

namespace Purser.Engine.Credits;

/// <summary>
/// Where ledgers are kept. A change locks the billing profile (PostgreSQL: the profile row
/// <c>FOR UPDATE</c>; SQLite: <c>BEGIN IMMEDIATE</c>), loads the ledger's open state, lets the core
/// decide, and appends the entries with the kept positions in one transaction, together with
/// whatever else the caller adds to the same context, and the credit alerts the change turns
/// (R-ALERT). A decision that asked about history the open state did not hold, and that the store
/// has, is decided again with that history loaded. The lifecycle transitions a change made are
/// counted once it has committed.
/// </summary>
public sealed class CreditBook(PurserStore store, TimeProvider clock, CreditAlertMails alerts, PurserMetrics metrics)
{
    // After this many loads of open state plus asked-for history, the whole journal is replayed.
    private const int OpenLoads = 3;

    /// <summary>A decision over a locked ledger: the change to persist and the caller's result.</summary>
    internal delegate Task<Outcome<(LedgerChange Change, T Result)>> Decision<T>(LedgerSession session);

    internal Task<Outcome<T>> ChangeAsync<T>(Guid profileId, Decision<T> decide, CancellationToken ct) =>
        TransientConflicts.RetryAsync(() =>
        {
            // Wall time, not the injected clock: a wait is the process's own, and a test's clock stands still through it. On
            // SQLite the wait for this process's one writer is part of the wait for the lock.
            var asked = Stopwatch.GetTimestamp();
            return store.OneWriterAsync(() => ChangeOnceAsync(profileId, decide, asked, ct), ct);
        });

    private async Task<Outcome<T>> ChangeOnceAsync<T>(Guid profileId, Decision<T> decide, long asked, CancellationToken ct)
    {
        var needs = LedgerNeeds.None;
        for (var load = 1; ; load++, asked = Stopwatch.GetTimestamp())
        {
            await using var db = store.CreateContext();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var profile = await LockProfileAsync(db, profileId, ct);
            metrics.LedgerLockWait(Stopwatch.GetElapsedTime(asked));
            if (profile is null)
                return new Refusal(RefusalCode.NotFound, $"Billing profile '{profileId}' does not exist.", "billingProfileId");
            var ledger = load <= OpenLoads ? await LedgerLoading.OpenAsync(db, profile, needs, ct) : await LedgerLoading.WholeAsync(db, profile, ct);
            var session = new LedgerSession(db, profile, ledger, clock.GetUtcNow());
            var outcome = await decide(session);
            var unseen = await LedgerLoading.UnseenInStoreAsync(db, profile.Id, ledger, ct);
            if (!unseen.IsEmpty)
            {
                // Rolled back with the context: nothing this decision added is kept.
                needs = needs.With(unseen);
                continue;
            }
            if (!outcome.IsAccepted)
                return outcome.Refusal;
            var (change, result) = outcome.Value;
            if (!change.IsEmpty)
                await alerts.KeepAsync(session, await KeptPositions.KeepAsync(session, change, ct), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            foreach (var t in session.Transitions)
                metrics.Transition(t.From, t.To);
            return result;
        }
    }

    private async Task<Stored.BillingProfile?> LockProfileAsync(PurserDbContext db, Guid profileId, CancellationToken ct) =>
        store.Engine == StorageEngine.Postgres
            ? await db.BillingProfiles.FromSqlInterpolated($"SELECT * FROM \"BillingProfiles\" WHERE \"Id\" = {profileId} FOR UPDATE").FirstOrDefaultAsync(ct)
            : await db.BillingProfiles.FirstOrDefaultAsync(p => p.Id == profileId, ct);
}

/// <summary>A locked ledger with its database context, for a decision to read and add rows to.</summary>
internal sealed class LedgerSession(PurserDbContext db, Stored.BillingProfile profile, CreditLedger ledger, DateTimeOffset now)
{
    public PurserDbContext Db { get; } = db;
    public Stored.BillingProfile Profile { get; } = profile;
    public CreditLedger Ledger { get; } = ledger;
    public DateTimeOffset Now { get; } = now;

    /// <summary>Lots that belong to one subscription (prepaid payments), by lot id.</summary>
    public Dictionary<Guid, Guid> LotSubscriptions { get; } = [];

    /// <summary>The lifecycle transitions this change writes, counted by the book when it commits.</summary>
    public List<LifecycleTransition> Transitions { get; } = [];
}
