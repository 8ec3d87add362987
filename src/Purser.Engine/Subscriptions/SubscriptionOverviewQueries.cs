using Microsoft.EntityFrameworkCore;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Engine.Access;
using Purser.Engine.Billing;
using Purser.Engine.Credits;
using Purser.Engine.Lifecycle;
using Purser.Engine.Storage;
using Purser.Engine.Usage;

namespace Purser.Engine.Subscriptions;

/// <summary>
/// One subscription's overview, from the same lots the lots API lists and the same usage series
/// the operator API serves, so the portal's figures are the API's.
/// </summary>
public sealed class SubscriptionOverviewQueries(PurserStore store, CreditQueries credits, UsageSeriesQueries usage, TimeProvider clock)
{
    public async Task<SubscriptionOverview?> OfAsync(Guid subscriptionId, CancellationToken ct)
    {
        Storage.Entities.Subscription? subscription;
        Storage.Entities.BillingProfile? profile;
        string? administrator;
        await using (var db = store.CreateContext())
        {
            subscription = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, ct);
            if (subscription is null)
                return null;
            var accountId = subscription.BillingAccountId;
            administrator = await (from r in db.RoleAssignments
                                   join u in db.Users on r.UserId equals u.Id
                                   where r.BillingAccountId == accountId && r.Role == BillingRole.AccountAdministrator
                                   orderby r.CreatedAt, u.Id
                                   select u.Email).AsNoTracking().FirstOrDefaultAsync(ct);
            var profileId = subscription.BillingProfileId;
            profile = await db.BillingProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == profileId, ct);
        }
        if (profile is null || await usage.OfSubscriptionAsync(subscriptionId, ct) is not { } series)
            return null;
        var zone = profile.Calendar().Zone;
        var now = clock.GetUtcNow();
        var today = zone.DayOf(now);
        var lots = await credits.LotsAsync([profile.Id], ct);
        var usable = lots.Where(l => l.Status is LotStatus.Active or LotStatus.Expiring && l.ExpirationDate > now && l.CurrentBalance.IsPositive).ToList();
        var credit = new CreditPosition(
            usable.Aggregate(Money.Zero(Currency.Parse(profile.Currency)), (sum, l) => sum + l.CurrentBalance),
            usable.Count == 0 ? null : usable.Max(l => l.ExpirationDate),
            lots.Count > 0 && lots.All(l => l.Status == LotStatus.Expired));
        // The purchase whose validity the remaining days count to: the usable lot that expires last.
        var latest = usable.OrderByDescending(l => l.ExpirationDate).ThenByDescending(l => l.StartDate).FirstOrDefault();
        var expiresOn = credit.LastExpiration is { } last ? zone.DayOf(last) : (DateOnly?)null;
        var completeDays = CreditForecast.Basis(series.Days.Select(d => (d.Date, d.Cost)), zone.DayOf(subscription.CreatedAt), today);
        var deletion = LifecycleRecords.Load(subscription, zone).DeletionDueAt;
        return new SubscriptionOverview(
            SubscriptionCommands.View(subscription), zone, profile.DisplayName, administrator, credit.Remaining, credit.RemainingDays(zone, now),
            latest is null ? null : zone.DayOf(latest.StartDate), expiresOn, deletion is { } d ? zone.DayOf(d) : null, series,
            CreditForecast.Of(credit.Remaining, completeDays, today, expiresOn));
    }
}
