using Microsoft.EntityFrameworkCore;
using System.Globalization;
using Purser.Core.Lifecycle;
using Purser.Engine.Consumption;
using Purser.Engine.Storage;

namespace Purser.Engine.Subscriptions;

public sealed record EntitlementView(Guid SubscriptionId, bool Entitled, SubscriptionState State, bool NeedsReconfiguration, string Reason);

/// <summary>
/// R-DISABLE: what resource providers ask before a data operation (a backup, a write): an active
/// subscription is entitled to operate, and so is a cancelled one until the day its cancellation takes effect, unless a
/// budget with the stop action that covers it has reached its amount in the current period.
/// </summary>
public sealed class Entitlement(PurserStore store, TimeProvider clock)
{
    public async Task<EntitlementView?> CheckAsync(Guid subscriptionId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var subscription = await db.Subscriptions.AsNoTracking().Where(s => s.Id == subscriptionId)
            .Select(s => new { s.State, s.NeedsReconfiguration, s.EndedAt, s.BillingAccountId, s.BillingProfileId }).FirstOrDefaultAsync(ct);
        if (subscription is null)
            return null;
        var now = clock.GetUtcNow();
        var endsLater = subscription.State == SubscriptionState.Cancelled && subscription.EndedAt > now.UtcDateTime;
        var (entitled, reason) = subscription.State switch
        {
            SubscriptionState.Active => (true, "The subscription is active."),
            SubscriptionState.Disabled => (false, "The subscription is disabled: its credit is used up or expired. A top-up re-enables it."),
            SubscriptionState.Deleted => (false, "The subscription and its data have been deleted."),
            _ when endsLater => (true, $"The subscription is cancelled with effect {subscription.EndedAt:yyyy-MM-dd'T'HH:mm'Z'}; it may operate until then."),
            _ => (false, "The subscription has been cancelled."),
        };
        if (entitled && await BudgetStops.StoppingAsync(db, subscriptionId, subscription.BillingAccountId, subscription.BillingProfileId, now, ct) is { } budget)
            (entitled, reason) = (false, string.Create(CultureInfo.InvariantCulture,
                $"Budget '{budget.BudgetId}' has reached its amount of {budget.Amount} {budget.Currency} and stops usage until it is raised, its stop action is turned off, or its period ends on {budget.PeriodEnds:yyyy-MM-dd}."));
        return new EntitlementView(subscriptionId, entitled, subscription.State, subscription.NeedsReconfiguration, reason);
    }
}
