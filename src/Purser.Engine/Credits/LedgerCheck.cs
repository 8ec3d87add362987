using Microsoft.EntityFrameworkCore;
using Purser.Core.Ledger;
using Purser.Engine.Storage;
using Stored = Purser.Engine.Storage.Entities;

namespace Purser.Engine.Credits;

/// <summary>
/// The journal is the truth and the kept positions are its summary: this replays each billing
/// profile's whole journal and compares every kept figure (lot positions, balance summary, day totals,
/// unsettled movements) to the cent. <c>purser verify-ledger</c> and the tests run it; migrating a store
/// whose ledgers predate kept positions writes them from the journal.
/// </summary>
public sealed class LedgerCheck(PurserStore store)
{
    /// <summary>Every disagreement between a kept figure and the journal, in words; empty when the ledgers are sound.</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(CancellationToken ct)
    {
        await using var db = store.CreateContext();
        await using var snapshot = await store.BeginSnapshotAsync(db, ct);
        var problems = new List<string>();
        foreach (var profile in await db.BillingProfiles.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct))
            problems.AddRange(await VerifyAsync(db, profile, ct));
        return problems;
    }

    private static async Task<IEnumerable<string>> VerifyAsync(PurserDbContext db, Stored.BillingProfile profile, CancellationToken ct)
    {
        var whole = await LedgerLoading.WholeAsync(db, profile, ct);
        var expected = Figures.Of(whole);
        var problems = new List<string>();
        void Check<T>(string what, T kept, T journal)
        {
            if (!Equals(kept, journal))
                problems.Add($"Billing profile '{profile.Name}' ({profile.Id}): {what} is kept as {kept}, the journal gives {journal}.");
        }

        foreach (var lot in await db.CreditLots.AsNoTracking().Where(l => l.BillingProfileId == profile.Id).ToListAsync(ct))
            Check($"the position of credit lot {lot.Id}", LedgerMapping.PositionOf(lot), whole.Position(lot.Id));
        var summary = await db.CreditSummaries.AsNoTracking().FirstOrDefaultAsync(s => s.BillingProfileId == profile.Id, ct);
        Check("the balance summary", summary is null ? BalanceSummary.Zero(whole.Currency) : LedgerMapping.ToCore(summary), expected.Summary);
        var days = await db.CreditDayTotals.AsNoTracking().Where(t => t.BillingProfileId == profile.Id).ToDictionaryAsync(t => t.Day, t => t.Amount, ct);
        foreach (var day in days.Keys.Union(expected.DayTotals.Keys).Order())
            Check($"the movements of {day:yyyy-MM-dd} (UTC)", days.GetValueOrDefault(day), expected.DayTotals.GetValueOrDefault(day));
        var open = await db.CreditOpenEntries.AsNoTracking().Where(o => o.BillingProfileId == profile.Id).Select(o => o.IdempotencyKey).ToListAsync(ct);
        Check("the set of unsettled movements", string.Join(", ", open.Order(StringComparer.Ordinal)), string.Join(", ", expected.Open.Order(StringComparer.Ordinal)));
        return problems;
    }

    /// <summary>Writes the kept figures of every profile that has a journal and none kept yet.</summary>
    internal static async Task KeepMissingAsync(PurserDbContext db, CancellationToken ct)
    {
        var missing = await db.BillingProfiles
            .Where(p => db.CreditLots.Any(l => l.BillingProfileId == p.Id) && !db.CreditSummaries.Any(s => s.BillingProfileId == p.Id))
            .ToListAsync(ct);
        foreach (var profile in missing)
        {
            var whole = await LedgerLoading.WholeAsync(db, profile, ct);
            var figures = Figures.Of(whole);
            foreach (var lot in await db.CreditLots.Where(l => l.BillingProfileId == profile.Id).ToListAsync(ct))
                LedgerMapping.Keep(lot, whole.Position(lot.Id));
            var summary = new Stored.CreditSummary { BillingAccountId = profile.BillingAccountId, BillingProfileId = profile.Id, Currency = profile.Currency };
            LedgerMapping.Keep(summary, figures.Summary);
            db.CreditSummaries.Add(summary);
            db.CreditDayTotals.AddRange(figures.DayTotals.Select(t => new Stored.CreditDayTotal
            {
                BillingAccountId = profile.BillingAccountId, BillingProfileId = profile.Id, Day = t.Key, Currency = profile.Currency, Amount = t.Value,
            }));
            db.CreditOpenEntries.AddRange(figures.Open.Select(key => new Stored.CreditOpenEntry
            {
                BillingAccountId = profile.BillingAccountId, BillingProfileId = profile.Id, IdempotencyKey = key,
            }));
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The kept figures as the whole journal gives them.</summary>
    private sealed record Figures(BalanceSummary Summary, IReadOnlyDictionary<DateOnly, decimal> DayTotals, IReadOnlyList<string> Open)
    {
        public static Figures Of(CreditLedger whole) => new(
            BalanceSummary.Of(whole),
            whole.Entries.Where(e => !e.IsSettlement).GroupBy(e => LedgerMapping.TotalDay(e.OccurredAt)).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount.Amount)),
            [.. whole.PendingEntries.Select(e => e.Key)]);
    }
}
