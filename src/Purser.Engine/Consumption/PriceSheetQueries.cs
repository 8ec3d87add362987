using Microsoft.EntityFrameworkCore;
using Purser.Core.Calendar;
using Purser.Engine.Storage;

namespace Purser.Engine.Consumption;

/// <summary>
/// A subscription's price sheet: per meter, the latest price version in effect now in its billing
/// profile's currency, for the billing period (month) that holds today on that profile's clock.
/// </summary>
public sealed class PriceSheetQueries(PurserStore store, TimeProvider clock)
{
    public async Task<PriceSheetView?> OfSubscriptionAsync(Guid subscriptionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = store.CreateContext();
        var subscription = await (from s in db.Subscriptions
                                  join p in db.BillingProfiles on s.BillingProfileId equals p.Id
                                  where s.Id == subscriptionId
                                  select new { s.Id, s.OfferType, p.Currency, p.TimeZone }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (subscription is null)
            return null;
        var versions = await db.PriceVersions.AsNoTracking()
            .Where(v => v.Currency == subscription.Currency && v.EffectiveFrom <= now.UtcDateTime).ToListAsync(ct);
        var inForce = versions.GroupBy(v => v.MeterId).Select(g => g.MaxBy(v => v.EffectiveFrom)!).ToDictionary(v => v.MeterId);
        var meterIds = inForce.Keys.ToList();
        var meters = await db.Meters.AsNoTracking().Where(m => meterIds.Contains(m.Id)).ToListAsync(ct);
        var prices = meters.OrderBy(m => m.Category, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new MeterPrice(m.Id, m.Name, m.Category, m.SubCategory, m.Unit, inForce[m.Id].UnitPrice,
                new DateTimeOffset(inForce[m.Id].EffectiveFrom, TimeSpan.Zero)))
            .ToList();
        return new PriceSheetView(subscription.Id, subscription.OfferType, subscription.Currency, BillingMonth.Of(BillingTimeZone.Resolve(subscription.TimeZone).DayOf(now)), prices);
    }
}
