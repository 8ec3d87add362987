using Microsoft.EntityFrameworkCore;
using Purser.Core.Ledger;
using Purser.Engine.Storage;
using Stored = Purser.Engine.Storage.Entities;

namespace Purser.Engine.Credits;

/// <summary>
/// Appends a change to the journal and, in the same transaction, keeps what reads use instead of the
/// journal: each touched lot's position, the profile's balance summary, its day totals and the set of
/// unsettled movements.
/// </summary>
internal static class KeptPositions
{
    /// <summary>Keeps the change and answers the ledger as it stands after it.</summary>
    public static async Task<CreditLedger> KeepAsync(LedgerSession session, LedgerChange change, CancellationToken ct)
    {
        if (change.IsEmpty)
            return session.Ledger;
        var after = session.Ledger.Apply(change);
        var (db, profile) = (session.Db, session.Profile);
        var now = session.Now.UtcDateTime;
        foreach (var lot in change.NewLots)
            db.CreditLots.Add(LedgerMapping.ToStored(lot, after.Position(lot.Id), profile, session.LotSubscriptions.GetValueOrDefault(lot.Id), now));
        foreach (var entry in change.Entries)
            db.CreditJournal.Add(LedgerMapping.ToStored(entry, profile));
        foreach (var entry in change.Entries.Where(e => e.Phase == EntryPhase.Pending && !e.IsSettlement))
            db.CreditOpenEntries.Add(new Stored.CreditOpenEntry { BillingAccountId = profile.BillingAccountId, BillingProfileId = profile.Id, IdempotencyKey = entry.Key });
        var newLots = change.NewLots.Select(l => l.Id).ToHashSet();
        var touched = change.Entries.Select(e => e.LotId).Where(id => !newLots.Contains(id)).Distinct().ToList();
        foreach (var lot in await db.CreditLots.Where(l => touched.Contains(l.Id)).ToListAsync(ct))
            LedgerMapping.Keep(lot, after.Position(lot.Id));
        await KeepSummaryAsync(db, profile, change, ct);
        await KeepDayTotalsAsync(db, profile, change, ct);
        await db.SaveChangesAsync(ct);

        var settled = change.Entries.Where(e => e.IsSettlement).Select(e => e.Settles!).ToList();
        foreach (var chunk in settled.Chunk(LedgerLoading.Chunk))
            await db.CreditOpenEntries.Where(o => o.BillingProfileId == profile.Id && chunk.Contains(o.IdempotencyKey)).ExecuteDeleteAsync(ct);
        return after;
    }

    private static async Task KeepSummaryAsync(PurserDbContext db, Stored.BillingProfile profile, LedgerChange change, CancellationToken ct)
    {
        var stored = await db.CreditSummaries.FirstOrDefaultAsync(s => s.BillingProfileId == profile.Id, ct);
        if (stored is null)
        {
            stored = new Stored.CreditSummary { BillingAccountId = profile.BillingAccountId, BillingProfileId = profile.Id, Currency = profile.Currency };
            db.CreditSummaries.Add(stored);
        }
        LedgerMapping.Keep(stored, LedgerMapping.ToCore(stored).After(change));
    }

    private static async Task KeepDayTotalsAsync(PurserDbContext db, Stored.BillingProfile profile, LedgerChange change, CancellationToken ct)
    {
        var moved = change.Entries.Where(e => !e.IsSettlement)
            .GroupBy(e => LedgerMapping.TotalDay(e.OccurredAt))
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Amount.Amount));
        if (moved.Count == 0)
            return;
        var days = moved.Keys.ToList();
        var totals = await db.CreditDayTotals.Where(t => t.BillingProfileId == profile.Id && days.Contains(t.Day)).ToDictionaryAsync(t => t.Day, ct);
        foreach (var (day, amount) in moved)
        {
            if (totals.TryGetValue(day, out var total))
                total.Amount += amount;
            else
                db.CreditDayTotals.Add(new Stored.CreditDayTotal
                {
                    BillingAccountId = profile.BillingAccountId, BillingProfileId = profile.Id, Day = day, Currency = profile.Currency, Amount = amount,
                });
        }
    }
}
