namespace Purser.Core.Lifecycle;

/// <summary>
/// A state change as data, for the engine to persist and announce. A transition to
/// <see cref="SubscriptionState.Deleted"/> is the deletion event of R-DELETE-90.
/// </summary>
public sealed record LifecycleTransition(
    SubscriptionState From,
    SubscriptionState To,
    DateTimeOffset At,
    TransitionReason Reason,
    OfferType Offer)
{
    public bool IsDeletion => To == SubscriptionState.Deleted;
}
