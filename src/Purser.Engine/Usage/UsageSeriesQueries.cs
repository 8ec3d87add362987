using Microsoft.EntityFrameworkCore;
using Purser.Core.Monetary;
using Purser.Engine.Storage;

namespace Purser.Engine.Usage;

/// <summary>The last-days usage series of a subscription (R-OVERVIEW), from the daily aggregates ingestion keeps.</summary>
public sealed class UsageSeriesQueries(PurserStore store, TimeProvider clock)
{
    /// <summary>The series ending today in the subscription's billing profile time zone, or null for an unknown subscription.</summary>
    public async Task<UsageSeries?> OfSubscriptionAsync(Guid subscriptionId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var owner = await db.Subscriptions.AsNoTracking().Where(s => s.Id == subscriptionId)
            .Select(s => new { s.BillingAccountId, s.BillingProfileId }).FirstOrDefaultAsync(ct);
        if (owner is null || await UsageScopeMembers.LoadAsync(db, UsageScope.Subscription(owner.BillingAccountId, owner.BillingProfileId, subscriptionId), ct) is not { } members)
            return null;
        var subscription = members.Subscriptions[subscriptionId];
        var profile = members.Profiles[subscription.ProfileId];
        var now = clock.GetUtcNow();
        var today = profile.Zone.DayOf(now);
        var first = today.AddDays(1 - UsageSeries.DayCount);
        var days = await (from a in db.UsageDailyAggregates
                          join m in db.Meters on a.MeterId equals m.Id
                          where a.SubscriptionId == subscriptionId && a.UsageDate >= first && a.UsageDate <= today
                          select new { a.UsageDate, a.MeterId, m.Name, m.Unit, a.Quantity }).AsNoTracking().ToListAsync(ct);
        var prices = await UsagePrices.LoadAsync(db, [profile.Currency], [.. days.Select(d => d.MeterId).Distinct()], ct);
        var currency = Currency.Parse(profile.Currency);
        var series = Enumerable.Range(0, UsageSeries.DayCount).Select(i => first.AddDays(i)).Select(day =>
        {
            var meters = days.Where(d => d.UsageDate == day).OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.MeterId)
                .Select(d => new UsageSeriesMeter(d.MeterId, d.Name, d.Unit, d.Quantity,
                    (prices.UnitPrice(profile, subscription, d.MeterId, day) * d.Quantity)?.RoundAsCharge()))
                .ToList();
            return new UsageSeriesDay(day, meters.Aggregate(Money.Zero(currency), (cost, m) => m.Cost is { } c ? cost + c : cost), meters);
        }).ToList();
        return new UsageSeries(subscriptionId, currency, first, today, now, series);
    }
}
