using Microsoft.EntityFrameworkCore;
using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Engine.Consumption;
using Purser.Engine.Storage;
using Stored = Purser.Engine.Storage.Entities;

namespace Purser.Engine.Credits;

/// <summary>
/// Credit as the customer sees it: balance summary (R-BAL), lots (R-LOTS) and transactions (R-EVENTS),
/// read from the kept positions and the requested days of the journal, never by replaying it.
/// </summary>
public sealed class CreditQueries(PurserStore store, TimeProvider clock)
{
    /// <summary>What a balance read needs: the profile's names and currency, and its kept summary when it has one.</summary>
    private sealed record KeptBalance(Guid Id, string Name, string DisplayName, string Currency, Stored.CreditSummary? Summary);

    private static readonly CompiledPerEngine<Func<PurserDbContext, Guid, CancellationToken, Task<KeptBalance?>>> BalanceRow = new(() =>
        EF.CompileAsyncQuery((PurserDbContext db, Guid profileId, CancellationToken ct) => (
            from p in db.BillingProfiles.AsNoTracking()
            where p.Id == profileId
            join s in db.CreditSummaries.AsNoTracking() on p.Id equals s.BillingProfileId into kept
            from s in kept.DefaultIfEmpty()
            select new KeptBalance(p.Id, p.Name, p.DisplayName, p.Currency, s)).FirstOrDefault()));

    public async Task<BalanceSummaryView?> BalanceAsync(Guid profileId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var row = await BalanceRow.For(db)(db, profileId, ct);
        if (row is null)
            return null;
        var summary = row.Summary is null ? BalanceSummary.Zero(Currency.Parse(row.Currency)) : LedgerMapping.ToCore(row.Summary);
        return new BalanceSummaryView(row.Id, row.Name, row.DisplayName, summary);
    }

    /// <summary>Lots of the given profiles, each profile's earliest expiration first (the order credit is used in).</summary>
    public async Task<IReadOnlyList<CreditLotView>> LotsAsync(IEnumerable<Guid> profileIds, CancellationToken ct)
    {
        var ids = profileIds.ToList();
        await using var db = store.CreateContext();
        var rows = await (
            from l in db.CreditLots.AsNoTracking()
            where ids.Contains(l.BillingProfileId)
            join p in db.BillingProfiles.AsNoTracking() on l.BillingProfileId equals p.Id
            select new { Lot = l, ProfileName = p.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return [.. ids.SelectMany(id => rows
            .Where(r => r.Lot.BillingProfileId == id)
            .Select(r => (Stored: r.Lot, r.ProfileName, Lot: LedgerMapping.ToCore(r.Lot)))
            .OrderBy(r => r.Lot, DrawOrder.Instance)
            .Select(r =>
            {
                var summary = LotSummary.Of(r.Lot, LedgerMapping.PositionOf(r.Stored), now);
                return new CreditLotView(r.Lot.Id, id, r.ProfileName, r.Lot.Source, r.Lot.OriginalAmount, summary.ClosedBalance,
                    summary.CurrentBalance, r.Lot.StartsAt, r.Lot.ExpiresAt, r.Lot.PoNumber, summary.Status);
            }))];
    }

    public async Task<CreditLotView?> LotAsync(Guid profileId, Guid lotId, CancellationToken ct) =>
        (await LotsAsync([profileId], ct)).FirstOrDefault(l => l.Id == lotId);

    /// <summary>
    /// Transactions of the given profiles on the days from <paramref name="from"/> to <paramref name="to"/> (both
    /// included; null is open), each profile's own local days, newest first as the portal and the seed list them.
    /// </summary>
    public async Task<IReadOnlyList<CreditEventView>> EventsAsync(IEnumerable<Guid> profileIds, RequestedDay? from, RequestedDay? to, CancellationToken ct)
    {
        var events = new List<CreditEventView>();
        foreach (var profileId in profileIds)
            events.AddRange(await EventsOfAsync(profileId, from, to, ct) ?? []);
        return [.. events.OrderByDescending(e => e.Event.TransactionDate)];
    }

    /// <summary>Every credit movement of one profile, newest first; null when the profile does not exist.</summary>
    public async Task<IReadOnlyList<CreditEventView>?> ProfileEventsAsync(Guid profileId, CancellationToken ct) =>
        await EventsOfAsync(profileId, null, null, ct) is { } events ? [.. events.OrderByDescending(e => e.Event.TransactionDate)] : null;

    private async Task<IEnumerable<CreditEventView>?> EventsOfAsync(Guid profileId, RequestedDay? from, RequestedDay? to, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        // Day totals and the page's entries from one snapshot, so the running balance and the rows agree.
        await using var snapshot = await store.BeginSnapshotAsync(db, ct);
        var profile = await db.BillingProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null)
            return null;
        var zone = BillingTimeZone.Resolve(profile.TimeZone);
        var currency = Currency.Parse(profile.Currency);
        var (first, last) = (from?.In(zone) ?? DateOnly.MinValue, to?.In(zone) ?? DateOnly.MaxValue);
        // The account id lets the (account, profile, occurred) index serve the date range; by profile alone the store reads the whole history.
        var journal = db.CreditJournal.AsNoTracking().Where(e => e.BillingAccountId == profile.BillingAccountId && e.BillingProfileId == profileId);
        var opening = Money.Zero(currency);
        if (from is not null)
        {
            // The page starts at the UTC midnight on or before its first local day; the totals of earlier UTC days are its opening balance.
            var startDay = LedgerMapping.TotalDay(zone.StartOf(first));
            opening = await OpeningBalanceAsync(db, profile.Id, startDay, currency, ct);
            var startsAt = startDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            journal = journal.Where(e => e.OccurredAt >= startsAt);
        }
        if (to is not null && last < DateOnly.MaxValue)
        {
            var endsAt = zone.StartOf(last.AddDays(1)).UtcDateTime;
            journal = journal.Where(e => e.OccurredAt < endsAt);
        }
        var entries = await journal.OrderBy(e => e.Id).ToListAsync(ct);
        var lotIds = entries.Select(e => e.LotId).Distinct().ToList();
        var lots = await db.CreditLots.AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, LedgerMapping.ToCore, ct);
        var listed = CreditEvents.Page(opening, entries.Select(LedgerMapping.ToCore), id => lots[id], zone, first, last);
        // Reversed, so that a stable sort by date keeps same-instant movements newest first.
        return listed.Reverse().Select(e => new CreditEventView(profile.Id, profile.Name, profile.DisplayName, e));
    }

    /// <summary>
    /// The sum of every movement before <paramref name="startDay"/> (UTC), from the nearer end of the profile's history: the
    /// day totals before it, or the kept estimated balance (which is the sum of every day total) less the day totals from it
    /// on. Either way is exact; summing from the first day alone made a recent page of a years-old profile read every day.
    /// </summary>
    private async Task<Money> OpeningBalanceAsync(PurserDbContext db, Guid profileId, DateOnly startDay, Currency currency, CancellationToken ct)
    {
        var totals = db.CreditDayTotals.AsNoTracking().Where(t => t.BillingProfileId == profileId);
        var firstDay = await totals.OrderBy(t => t.Day).Select(t => (DateOnly?)t.Day).FirstOrDefaultAsync(ct);
        if (firstDay is null || firstDay >= startDay)
            return Money.Zero(currency);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (startDay.DayNumber - firstDay.Value.DayNumber <= today.DayNumber - startDay.DayNumber)
            return new Money((await totals.Where(t => t.Day < startDay).Select(t => t.Amount).ToListAsync(ct)).Sum(), currency);
        var kept = await db.CreditSummaries.AsNoTracking().FirstOrDefaultAsync(s => s.BillingProfileId == profileId, ct);
        var all = kept is null ? Money.Zero(currency) : LedgerMapping.ToCore(kept).EstimatedBalance;
        return all - new Money((await totals.Where(t => t.Day >= startDay).Select(t => t.Amount).ToListAsync(ct)).Sum(), currency);
    }

    public async Task<IReadOnlyList<Guid>> ProfilesOfAccountAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await db.BillingProfiles.AsNoTracking().Where(p => p.BillingAccountId == accountId).OrderBy(p => p.Name).Select(p => p.Id).ToListAsync(ct);
    }
}
