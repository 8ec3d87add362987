using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Subscriptions;

public sealed record EntitlementView(Guid SubscriptionId, bool Entitled, string State, bool NeedsReconfiguration, string Reason);

/// <summary>
/// R-DISABLE: what resource providers ask before a data operation (a backup, a write): only
/// an active subscription is entitled to operate.
/// </summary>
public sealed class Entitlement(PurserStore store)
{
    public async Task<EntitlementView?> CheckAsync(Guid subscriptionId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var subscription = await db.Subscriptions.AsNoTracking().Where(s => s.Id == subscriptionId)
            .Select(s => new { s.State, s.NeedsReconfiguration }).FirstOrDefaultAsync(ct);
        if (subscription is null)
            return null;
        var entitled = subscription.State == "Active";
        var reason = subscription.State switch
        {
            "Active" => "The subscription is active.",
            "Disabled" => "The subscription is disabled: its credit is used up or expired. A top-up re-enables it.",
            "Deleted" => "The subscription and its data have been deleted.",
            _ => "The subscription has been cancelled.",
        };
        return new EntitlementView(subscriptionId, entitled, subscription.State, subscription.NeedsReconfiguration, reason);
    }
}
