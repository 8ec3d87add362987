using System.Collections.Immutable;
using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Payments;

namespace Purser.Core.Lifecycle;

/// <summary>
/// One state machine for every offer. Time only moves when a caller passes <c>now</c>; each
/// method returns the new state with the transitions it made, and never leaves
/// <see cref="SubscriptionState.Deleted"/> or <see cref="SubscriptionState.Cancelled"/>.
/// </summary>
public sealed record SubscriptionLifecycle(
    OfferType Offer,
    SubscriptionState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? TrialEndsAt = null,
    DateTimeOffset? DisabledAt = null,
    TransitionReason? DisabledBecause = null,
    bool NeedsReconfiguration = false,
    DateTimeOffset? EndedAt = null)
{
    public LifecycleTimers Timers { get; init; } = LifecycleTimers.Standard;

    /// <summary>What resource providers are told before data operations such as backup (R-DISABLE).</summary>
    public bool IsEntitled => State == SubscriptionState.Active;

    public bool IsFinal => State is SubscriptionState.Deleted or SubscriptionState.Cancelled;

    /// <summary>A trial's month is counted on the profile's local calendar.</summary>
    public static SubscriptionLifecycle Start(OfferType offer, DateTimeOffset startedAt, BillingTimeZone zone, LifecycleTimers? timers = null)
    {
        var chosen = timers ?? LifecycleTimers.Standard;
        var trialEnds = offer == OfferType.Trial ? zone.AddMonths(startedAt, chosen.TrialMonths) : (DateTimeOffset?)null;
        return new SubscriptionLifecycle(offer, SubscriptionState.Active, startedAt, trialEnds) { Timers = chosen };
    }

    /// <summary>
    /// The clock and the credit together: fires timers due by <paramref name="now"/> (trial end,
    /// deletion after being disabled), then disables a prepaid subscription with no credit left.
    /// </summary>
    public LifecycleDecision Tick(DateTimeOffset now, CreditPosition credit)
    {
        var transitions = ImmutableArray.CreateBuilder<LifecycleTransition>();
        var current = Advance(now, transitions);
        if (current.State == SubscriptionState.Active && current.Offer.IsPrepaid() && credit.IsExhausted)
            current = current.Disable(now, credit.AllCreditExpired ? TransitionReason.CreditExpired : TransitionReason.CreditUsedUp, transitions);
        return current.Decided(transitions, credit);
    }

    /// <summary>R-REACTIVATE: credit bought for a StandardPrepaid subscription; <paramref name="credit"/> is after the top-up.</summary>
    public Outcome<LifecycleDecision> TopUp(DateTimeOffset now, CreditPosition credit)
    {
        var transitions = ImmutableArray.CreateBuilder<LifecycleTransition>();
        var current = Advance(now, transitions);
        if (current.Refuse() is { } refusal)
            return refusal;
        if (current.Offer == OfferType.Trial)
            return Outcome<LifecycleDecision>.Refuse(RefusalCode.TrialNeedsUpgrade, "A trial is topped up by upgrading it to StandardPrepaid.");
        if (current.Offer != OfferType.StandardPrepaid)
            return Outcome<LifecycleDecision>.Refuse(RefusalCode.OfferNotPrepaid, $"A {current.Offer} subscription is invoiced, not topped up.");
        if (current.State == SubscriptionState.Disabled && !credit.IsExhausted)
            current = current.Reactivate(now, TransitionReason.TopUp, transitions);
        return Outcome<LifecycleDecision>.Accept(current.Decided(transitions, credit));
    }

    /// <summary>R-TRIAL: a trial, active or disabled but not yet deleted, becomes StandardPrepaid with a qualifying payment.</summary>
    public Outcome<LifecycleDecision> UpgradeToStandardPrepaid(DateTimeOffset now, PrepaidPayment payment, PaymentPolicy policy, CreditPosition credit)
    {
        var transitions = ImmutableArray.CreateBuilder<LifecycleTransition>();
        var current = Advance(now, transitions);
        if (current.Refuse() is { } refusal)
            return refusal;
        if (current.Offer != OfferType.Trial)
            return Outcome<LifecycleDecision>.Refuse(RefusalCode.NotATrial, $"Only a trial can be upgraded; this is {current.Offer}.");
        if (policy.Check(payment.Amount) is { } tooSmall)
            return tooSmall;
        var upgraded = current with { Offer = OfferType.StandardPrepaid, TrialEndsAt = null };
        upgraded = upgraded.State == SubscriptionState.Disabled
            ? upgraded.Reactivate(now, TransitionReason.UpgradedToStandardPrepaid, transitions)
            : upgraded.Record(SubscriptionState.Active, now, TransitionReason.UpgradedToStandardPrepaid, transitions);
        return Outcome<LifecycleDecision>.Accept(upgraded.Decided(transitions, credit));
    }

    /// <summary>
    /// R-ENT: in the portal only an enterprise account administrator may cancel, and only an
    /// Enterprise subscription; StandardPrepaid is never cancelled there. Partners cancel what
    /// they sold; the operator may cancel anything not yet final.
    /// </summary>
    public Outcome<LifecycleDecision> Cancel(DateTimeOffset now, CancellationRequest request)
    {
        var transitions = ImmutableArray.CreateBuilder<LifecycleTransition>();
        var current = Advance(now, transitions);
        if (current.Refuse() is { } refusal)
            return refusal;
        if (CancellationPolicy.Check(current.Offer, request) is { } notAllowed)
            return notAllowed;
        var cancelled = current.Record(SubscriptionState.Cancelled, now, TransitionReason.Cancelled, transitions) with { EndedAt = now };
        return Outcome<LifecycleDecision>.Accept(cancelled.Decided(transitions, null));
    }

    private SubscriptionLifecycle Advance(DateTimeOffset now, ImmutableArray<LifecycleTransition>.Builder transitions)
    {
        var current = this;
        while (true)
        {
            if (current.State == SubscriptionState.Active && current.TrialEndsAt is { } trialEnds && trialEnds <= now)
                current = current.Disable(trialEnds, TransitionReason.TrialEnded, transitions);
            else if (current.DeletionDueAt is { } deletion && deletion <= now)
                current = current.Record(SubscriptionState.Deleted, deletion, TransitionReason.DisabledTooLong, transitions) with { EndedAt = deletion };
            else
                return current;
        }
    }

    /// <summary>R-DELETE-90 and R-TRIAL: when a disabled prepaid subscription loses its data.</summary>
    public DateTimeOffset? DeletionDueAt =>
        State == SubscriptionState.Disabled && Offer.IsPrepaid() && DisabledAt is { } disabled
            ? disabled + Timers.DeletionAfterDisabled(Offer)
            : null;

    private SubscriptionLifecycle Disable(DateTimeOffset at, TransitionReason reason, ImmutableArray<LifecycleTransition>.Builder transitions) =>
        Record(SubscriptionState.Disabled, at, reason, transitions) with { DisabledAt = at, DisabledBecause = reason };

    // Services were stopped while disabled, so they have to be set up again (R-REACTIVATE).
    private SubscriptionLifecycle Reactivate(DateTimeOffset at, TransitionReason reason, ImmutableArray<LifecycleTransition>.Builder transitions) =>
        Record(SubscriptionState.Active, at, reason, transitions) with { DisabledAt = null, DisabledBecause = null, NeedsReconfiguration = true };

    private SubscriptionLifecycle Record(SubscriptionState to, DateTimeOffset at, TransitionReason reason, ImmutableArray<LifecycleTransition>.Builder transitions)
    {
        transitions.Add(new LifecycleTransition(State, to, at, reason, Offer));
        return this with { State = to };
    }

    private Refusal? Refuse() => State switch
    {
        SubscriptionState.Deleted => new Refusal(RefusalCode.SubscriptionDeleted, "The subscription's data was deleted; it cannot be reactivated or changed."),
        SubscriptionState.Cancelled => new Refusal(RefusalCode.SubscriptionCancelled, "The subscription was cancelled."),
        _ => null,
    };

    private LifecycleDecision Decided(ImmutableArray<LifecycleTransition>.Builder transitions, CreditPosition? credit) =>
        new(this, transitions.ToImmutable(), NextCheckAt(credit));

    private DateTimeOffset? NextCheckAt(CreditPosition? credit) => State switch
    {
        SubscriptionState.Active when TrialEndsAt is { } trialEnds => Min(trialEnds, credit?.LastExpiration),
        SubscriptionState.Active when Offer.IsPrepaid() => credit?.LastExpiration,
        SubscriptionState.Disabled => DeletionDueAt,
        _ => null,
    };

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other < a ? other : a;
}
