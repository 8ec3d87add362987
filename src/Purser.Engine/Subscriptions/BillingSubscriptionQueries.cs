using Microsoft.EntityFrameworkCore;
using Purser.Engine.Consumption;
using Purser.Engine.Storage;

namespace Purser.Engine.Subscriptions;

/// <summary>
/// The subscriptions of a billing profile with their charges summed per calendar month. Months
/// are counted in the profile's local days, which the charges are dated in, from today on the
/// profile's clock; sums run in memory because SQLite cannot add decimals in SQL.
/// </summary>
public sealed class BillingSubscriptionQueries(PurserStore store, TimeProvider clock)
{
    public async Task<IReadOnlyList<BillingSubscriptionRecord>> OfProfileAsync(Guid profileId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var (currency, zone) = await ScopeTerms.OfProfileAsync(db, profileId, ct);
        var today = zone.DayOf(clock.GetUtcNow());
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);

        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => s.BillingProfileId == profileId).ToListAsync(ct);
        var charges = await db.Charges.AsNoTracking()
            .Where(c => c.BillingProfileId == profileId && c.SubscriptionId != null && c.StartDate >= lastMonth && c.StartDate <= today)
            .Select(c => new { SubscriptionId = c.SubscriptionId!.Value, c.StartDate, c.Amount })
            .ToListAsync(ct);

        return [.. subscriptions
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s =>
            {
                var own = charges.Where(c => c.SubscriptionId == s.Id).ToList();
                return new BillingSubscriptionRecord(s.Id, s.BillingProfileId, s.DisplayName, s.OfferType, s.State, currency,
                    own.Where(c => c.StartDate < thisMonth).Sum(c => c.Amount),
                    own.Where(c => c.StartDate >= thisMonth).Sum(c => c.Amount));
            })];
    }
}
