using Purser.Core.Calendar;
using Purser.Core.Lifecycle;
using Purser.Engine.Credits;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;
using Purser.Engine.Webhooks;

namespace Purser.Engine.Lifecycle;

/// <summary>
/// Between a stored subscription and the core's lifecycle state machine: load it, apply a
/// decision back onto the row, and write each transition to the outbox in the same
/// transaction (a transition to Deleted is the deletion event of R-DELETE-90).
/// </summary>
internal static class LifecycleRecords
{
    public static SubscriptionLifecycle Load(Subscription s, BillingTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(s);
        var offer = s.OfferType;
        var started = SubscriptionLifecycle.Start(offer, LedgerMapping.Utc(s.CreatedAt), zone);
        return started with
        {
            State = s.State,
            TrialEndsAt = s.TrialEndsAt is { } t ? LedgerMapping.Utc(t) : (offer == OfferType.Trial ? started.TrialEndsAt : null),
            DisabledAt = s.DisabledAt is { } d ? LedgerMapping.Utc(d) : null,
            DisabledBecause = s.DisabledBecause,
            NeedsReconfiguration = s.NeedsReconfiguration,
            EndedAt = s.EndedAt is { } e ? LedgerMapping.Utc(e) : null,
        };
    }

    /// <summary>Writes the decided state onto the row and announces its transitions in the session's change; true when anything changed.</summary>
    public static bool Apply(LedgerSession session, Subscription s, LifecycleDecision decision)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(decision);
        var after = decision.Subscription;
        s.OfferType = after.Offer;
        s.State = after.State;
        s.TrialEndsAt = after.TrialEndsAt?.UtcDateTime;
        s.DisabledAt = after.DisabledAt?.UtcDateTime;
        s.DisabledBecause = after.DisabledBecause;
        s.NeedsReconfiguration = after.NeedsReconfiguration;
        s.EndedAt = after.EndedAt?.UtcDateTime;
        s.NextCheckAt = decision.NextCheckAt?.UtcDateTime;
        foreach (var t in decision.Transitions)
        {
            s.StateChangedAt = t.At.UtcDateTime;
            session.Transitions.Add(t);
            session.Db.Outbox.Add(new OutboxMessage
            {
                BillingAccountId = s.BillingAccountId,
                MessageId = Guid.NewGuid(),
                Kind = WebhookEventTypes.Lifecycle(t.To),
                Recipient = s.Id.ToString(),
                Subject = $"{s.DisplayName}: {t.From} → {t.To} ({t.Reason})",
                Body = Explain(t),
                Data = new LifecycleEventData(s.Id, s.BillingProfileId, s.DisplayName, t.From, t.To, t.Reason, t.Offer, t.At,
                    t.To == SubscriptionState.Disabled && t.Offer.IsPrepaid() ? t.At + after.Timers.DeletionAfterDisabled(t.Offer) : null).Json(),
                CreatedAt = t.At.UtcDateTime,
                NextAttemptAt = t.At.UtcDateTime,
            });
        }
        return decision.Transitions.Length > 0;
    }

    private static string Explain(LifecycleTransition t) => t.Reason switch
    {
        TransitionReason.CreditUsedUp => "The subscription's credit is used up; it is disabled until a top-up.",
        TransitionReason.CreditExpired => "All of the subscription's credit has expired; it is disabled until a top-up.",
        TransitionReason.TrialEnded => "The trial month has ended; upgrade to StandardPrepaid within 15 days to keep the data.",
        TransitionReason.TopUp => "A top-up re-enabled the subscription; its services need reconfiguration.",
        TransitionReason.UpgradedToStandardPrepaid => "The trial was upgraded to StandardPrepaid.",
        TransitionReason.DisabledTooLong => "The subscription was disabled too long; its data has been permanently deleted.",
        _ => "The subscription was cancelled.",
    };
}
