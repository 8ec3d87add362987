using Microsoft.EntityFrameworkCore;
using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Lifecycle;
using Purser.Engine.Credits;
using Purser.Engine.Lifecycle;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Rating;

/// <summary>
/// R-DISABLE, R-TRIAL, R-DELETE-90: ticks the lifecycle of every prepaid subscription of a
/// billing profile against the profile's credit as it now stands, in the caller's transaction.
/// </summary>
internal static class PrepaidEnforcement
{
    private static readonly OfferType[] Prepaid = [OfferType.Trial, OfferType.StandardPrepaid];
    private static readonly SubscriptionState[] Final = [SubscriptionState.Deleted, SubscriptionState.Cancelled];

    /// <summary>Ticks against <paramref name="ledger"/>, the session's ledger with the change decided so far applied.</summary>
    public static async Task<LifecycleTick> ApplyAsync(LedgerSession session, CreditLedger ledger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (db, profile, now) = (session.Db, session.Profile, session.Now);
        var subscriptions = await db.Subscriptions
            .Where(s => s.BillingProfileId == profile.Id && Prepaid.Contains(s.OfferType) && !Final.Contains(s.State)).ToListAsync(ct);
        if (subscriptions.Count == 0)
            return new LifecycleTick([]);
        var zone = BillingTimeZone.Resolve(profile.TimeZone);
        var credit = CreditPosition.Of(ledger, now);
        var transitions = new List<(Guid, LifecycleTransition)>();
        foreach (var subscription in subscriptions)
        {
            var decision = LifecycleRecords.Load(subscription, zone).Tick(now, credit);
            LifecycleRecords.Apply(session, subscription, decision);
            transitions.AddRange(decision.Transitions.Select(t => (subscription.Id, t)));
        }
        return new LifecycleTick(transitions);
    }
}

/// <summary>The transitions one tick made, by subscription.</summary>
public sealed record LifecycleTick(IReadOnlyList<(Guid Subscription, LifecycleTransition Transition)> Transitions)
{
    public IReadOnlyList<Guid> Disabled =>
        [.. Transitions.Where(t => t.Transition.To == SubscriptionState.Disabled).Select(t => t.Subscription).Distinct()];

    public int SubscriptionsChanged => Transitions.Where(t => t.Transition.From != t.Transition.To).Select(t => t.Subscription).Distinct().Count();
}
