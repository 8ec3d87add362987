using Microsoft.EntityFrameworkCore;
using Purser.Core.Ledger;
using Purser.Core.Lifecycle;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Rating;

/// <summary>
/// R-DISABLE: a prepaid subscription (Trial, StandardPrepaid) stops when the usable credit of
/// its billing profile is gone — used up or expired. The change and its announcement are
/// written in the caller's transaction.
/// </summary>
public static class PrepaidEnforcement
{
    public static async Task<IReadOnlyList<Guid>> ApplyAsync(PurserDbContext db, BillingProfile profile, CreditLedger ledger, DateTimeOffset now, CancellationToken ct)
    {
        var usable = ledger.Lots.Where(l => l.IsUsableAt(now)).Sum(l => ledger.Position(l.Id).Balance.Amount);
        if (usable > 0m)
            return [];
        var prepaid = new[] { nameof(OfferType.Trial), nameof(OfferType.StandardPrepaid) };
        var active = await db.Subscriptions.Where(s => s.BillingProfileId == profile.Id && s.State == nameof(SubscriptionState.Active) && prepaid.Contains(s.OfferType))
            .ToListAsync(ct);
        foreach (var subscription in active)
        {
            subscription.State = nameof(SubscriptionState.Disabled);
            subscription.StateChangedAt = now.UtcDateTime;
            db.Outbox.Add(new OutboxMessage
            {
                BillingAccountId = subscription.BillingAccountId, Kind = "SubscriptionDisabled", Recipient = subscription.Id.ToString(),
                Subject = $"Subscription {subscription.DisplayName} disabled",
                Body = ledger.Lots.Any(l => l.IsUsableAt(now))
                    ? "Its credit is used up. A top-up re-enables it; services then need reconfiguration."
                    : "Its credit has expired. A top-up re-enables it; services then need reconfiguration.",
                CreatedAt = now.UtcDateTime,
            });
        }
        return [.. active.Select(s => s.Id)];
    }
}
