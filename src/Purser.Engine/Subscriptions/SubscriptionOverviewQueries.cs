using Microsoft.EntityFrameworkCore;
using Purser.Core.Ledger;
using Purser.Engine.Access;
using Purser.Engine.Billing;
using Purser.Engine.Credits;
using Purser.Engine.Lifecycle;
using Purser.Engine.Storage;
using Purser.Engine.Usage;

namespace Purser.Engine.Subscriptions;

/// <summary>
/// One subscription's overview, from the same ledger read the balance summary uses and the same
/// usage series the operator API serves, so the portal's figures are the API's.
/// </summary>
public sealed class SubscriptionOverviewQueries(PurserStore store, CreditBook book, UsageSeriesQueries usage, TimeProvider clock)
{
    public async Task<SubscriptionOverview?> OfAsync(Guid subscriptionId, CancellationToken ct)
    {
        Storage.Entities.Subscription? subscription;
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
        }
        if (await book.ReadAsync(subscription.BillingProfileId, ct) is not var (profile, ledger)
            || await usage.OfSubscriptionAsync(subscriptionId, ct) is not { } series)
            return null;
        var zone = profile.Calendar().Zone;
        var now = clock.GetUtcNow();
        var today = zone.DayOf(now);
        var credit = CreditPosition.Of(ledger, now);
        // The purchase whose validity the remaining days count to: the usable lot that expires last.
        var latest = ledger.Lots.Where(l => l.ExpiresAt > now && ledger.Position(l.Id).Balance.IsPositive)
            .OrderByDescending(l => l.ExpiresAt).ThenByDescending(l => l.StartsAt).FirstOrDefault();
        var expiresOn = credit.LastExpiration is { } last ? zone.DayOf(last) : (DateOnly?)null;
        var completeDays = series.Days.Where(d => d.Date < today).Select(d => d.Cost).ToList();
        var deletion = LifecycleRecords.Load(subscription, zone).DeletionDueAt;
        return new SubscriptionOverview(
            SubscriptionCommands.View(subscription), profile.DisplayName, administrator, credit.Remaining, credit.RemainingDays(zone, now),
            latest is null ? null : zone.DayOf(latest.StartsAt), expiresOn, deletion is { } d ? zone.DayOf(d) : null, series,
            CreditForecast.Of(credit.Remaining, completeDays, today, expiresOn));
    }
}
