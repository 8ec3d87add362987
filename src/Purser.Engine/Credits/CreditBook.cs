using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Engine.Storage;
using Stored = Purser.Engine.Storage.Entities;

namespace Purser.Engine.Credits;

/// <summary>
/// Where ledgers are kept. A change loads the billing profile's ledger with writers to that
/// profile serialised (PostgreSQL: the profile row <c>FOR UPDATE</c>; SQLite: <c>BEGIN IMMEDIATE</c>),
/// lets the core decide, and writes the new lots, the entries and the lots' cached balances in
/// one transaction, together with whatever else the caller adds to the same context.
/// </summary>
public sealed class CreditBook(PurserStore store, TimeProvider clock)
{
    /// <summary>A decision over a locked ledger: the change to persist and the caller's result.</summary>
    internal delegate Task<Outcome<(LedgerChange Change, T Result)>> Decision<T>(LedgerSession session);

    internal Task<Outcome<T>> ChangeAsync<T>(Guid profileId, Decision<T> decide, CancellationToken ct) =>
        TransientConflicts.RetryAsync(() => ChangeOnceAsync(profileId, decide, ct));

    private async Task<Outcome<T>> ChangeOnceAsync<T>(Guid profileId, Decision<T> decide, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var profile = await LockProfileAsync(db, profileId, ct);
        if (profile is null)
            return new Refusal(RefusalCode.NotFound, $"Billing profile '{profileId}' does not exist.", "billingProfileId");
        var ledger = await LoadAsync(db, profile, ct);
        var session = new LedgerSession(db, profile, ledger, clock.GetUtcNow());
        var outcome = await decide(session);
        if (!outcome.IsAccepted)
            return outcome.Refusal;
        var (change, result) = outcome.Value;
        await PersistAsync(session, change, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>The profile's ledger as of now, read without taking the write lock.</summary>
    internal async Task<(Stored.BillingProfile Profile, CreditLedger Ledger)?> ReadAsync(Guid profileId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        // Lots and entries from one snapshot: a payment committing between the two reads would
        // otherwise show an entry for a lot this reader never saw.
        await using var snapshot = await store.BeginSnapshotAsync(db, ct);
        var profile = await db.BillingProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == profileId, ct);
        return profile is null ? null : (profile, await LoadAsync(db, profile, ct));
    }

    private async Task<Stored.BillingProfile?> LockProfileAsync(PurserDbContext db, Guid profileId, CancellationToken ct) =>
        store.Engine == StorageEngine.Postgres
            ? await db.BillingProfiles.FromSqlInterpolated($"SELECT * FROM \"BillingProfiles\" WHERE \"Id\" = {profileId} FOR UPDATE").FirstOrDefaultAsync(ct)
            : await db.BillingProfiles.FirstOrDefaultAsync(p => p.Id == profileId, ct);

    private static async Task<CreditLedger> LoadAsync(PurserDbContext db, Stored.BillingProfile profile, CancellationToken ct)
    {
        var lots = await db.CreditLots.AsNoTracking().Where(l => l.BillingProfileId == profile.Id).ToListAsync(ct);
        var entries = await db.CreditJournal.AsNoTracking().Where(e => e.BillingProfileId == profile.Id).OrderBy(e => e.Id).ToListAsync(ct);
        return CreditLedger.From(Currency.Parse(profile.Currency), lots.Select(LedgerMapping.ToCore), entries.Select(LedgerMapping.ToCore));
    }

    private static async Task PersistAsync(LedgerSession session, LedgerChange change, CancellationToken ct)
    {
        if (change.IsEmpty)
            return;
        var after = session.Ledger.Apply(change);
        var db = session.Db;
        var now = session.Now.UtcDateTime;
        foreach (var lot in change.NewLots)
            db.CreditLots.Add(LedgerMapping.ToStored(lot, session.Profile, session.LotSubscriptions.GetValueOrDefault(lot.Id), now));
        foreach (var entry in change.Entries)
            db.CreditJournal.Add(LedgerMapping.ToStored(entry, session.Profile));
        await db.SaveChangesAsync(ct);

        var touched = change.Entries.Select(e => e.LotId).Concat(change.NewLots.Select(l => l.Id)).ToHashSet();
        foreach (var lotId in touched)
        {
            var position = after.Position(lotId);
            await db.CreditLots.Where(l => l.Id == lotId).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.ClosedBalance, position.ClosedBalance.Amount)
                .SetProperty(l => l.CurrentBalance, position.Balance.Amount), ct);
        }
    }
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
}
