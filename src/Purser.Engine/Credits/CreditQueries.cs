using Microsoft.EntityFrameworkCore;
using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Engine.Consumption;
using Purser.Engine.Storage;

namespace Purser.Engine.Credits;

/// <summary>Credit as the customer sees it: balance summary (R-BAL), lots (R-LOTS) and transactions (R-EVENTS).</summary>
public sealed class CreditQueries(PurserStore store, CreditBook book, TimeProvider clock)
{
    public async Task<BalanceSummaryView?> BalanceAsync(Guid profileId, CancellationToken ct)
    {
        if (await book.ReadAsync(profileId, ct) is not var (profile, ledger))
            return null;
        return new BalanceSummaryView(profile.Id, profile.Name, profile.DisplayName, BalanceSummary.Of(ledger));
    }

    /// <summary>Lots of the given profiles, earliest expiration first (the order credit is used in).</summary>
    public async Task<IReadOnlyList<CreditLotView>> LotsAsync(IEnumerable<Guid> profileIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lots = new List<CreditLotView>();
        foreach (var profileId in profileIds)
        {
            if (await book.ReadAsync(profileId, ct) is not var (profile, ledger))
                continue;
            lots.AddRange(ledger.Lots.Order(DrawOrder.Instance).Select(lot =>
            {
                var summary = LotSummary.Of(lot, ledger.Position(lot.Id), now);
                return new CreditLotView(lot.Id, profile.Id, profile.Name, lot.Source, lot.OriginalAmount, summary.ClosedBalance,
                    summary.CurrentBalance, lot.StartsAt, lot.ExpiresAt, lot.PoNumber, summary.Status);
            }));
        }
        return lots;
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
        {
            if (await book.ReadAsync(profileId, ct) is not var (profile, ledger))
                continue;
            var zone = BillingTimeZone.Resolve(profile.TimeZone);
            var listed = CreditEvents.List(ledger, zone, from?.In(zone) ?? DateOnly.MinValue, to?.In(zone) ?? DateOnly.MaxValue);
            // Reversed, so that a stable sort by date keeps same-instant movements newest first.
            events.AddRange(listed.Reverse().Select(e => new CreditEventView(profile.Id, profile.Name, profile.DisplayName, e)));
        }
        return [.. events.OrderByDescending(e => e.Event.TransactionDate)];
    }

    public async Task<IReadOnlyList<Guid>> ProfilesOfAccountAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await db.BillingProfiles.AsNoTracking().Where(p => p.BillingAccountId == accountId).OrderBy(p => p.Name).Select(p => p.Id).ToListAsync(ct);
    }
}
