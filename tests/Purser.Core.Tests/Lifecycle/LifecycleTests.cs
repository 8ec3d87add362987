using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Lifecycle;
using Purser.Core.Monetary;
using Purser.Core.Payments;

namespace Purser.Core.Tests.Lifecycle;

public class LifecycleTests
{
    private static readonly BillingTimeZone Zone = BillingTimeZone.ChinaStandardTime;
    private static readonly DateTimeOffset Start = new(2017, 1, 31, 9, 0, 0, TimeSpan.FromHours(8));

    private static CreditPosition Credit(decimal remaining, bool allExpired = false) =>
        new(new Money(remaining, Currency.CNY), remaining > 0 ? Start.AddYears(1) : null, allExpired);

    private static PrepaidPayment Payment(decimal amount) => new("pay", Guid.NewGuid(), new Money(amount, Currency.CNY), Start);

    private static readonly PaymentPolicy Policy = PaymentPolicy.StandardPrepaid(Currency.CNY);

    [Fact]
    public void Prepaid_is_disabled_and_not_entitled_when_credit_reaches_zero()
    {
        var subscription = SubscriptionLifecycle.Start(OfferType.StandardPrepaid, Start, Zone);
        var at = Start.AddDays(40);

        var decision = subscription.Tick(at, Credit(0m));

        var transition = Assert.Single(decision.Transitions);
        Assert.Equal((SubscriptionState.Active, SubscriptionState.Disabled, TransitionReason.CreditUsedUp), (transition.From, transition.To, transition.Reason));
        Assert.False(decision.Subscription.IsEntitled);
        Assert.Equal(at.AddDays(90), decision.NextCheckAt);
    }

    [Fact]
    public void Prepaid_is_disabled_when_all_credit_expired()
    {
        var decision = SubscriptionLifecycle.Start(OfferType.StandardPrepaid, Start, Zone).Tick(Start.AddYears(1), Credit(0m, allExpired: true));

        Assert.Equal(TransitionReason.CreditExpired, decision.Subscription.DisabledBecause);
    }

    [Fact]
    public void Invoiced_offers_are_never_disabled_for_lack_of_credit()
    {
        foreach (var offer in new[] { OfferType.Enterprise, OfferType.PayAsYouGo, OfferType.LicenseBased, OfferType.UsageBased })
            Assert.Empty(SubscriptionLifecycle.Start(offer, Start, Zone).Tick(Start.AddYears(3), Credit(0m, true)).Transitions);
    }

    [Fact]
    public void A_top_up_reactivates_a_disabled_subscription_which_needs_reconfiguration()
    {
        var disabled = SubscriptionLifecycle.Start(OfferType.StandardPrepaid, Start, Zone).Tick(Start.AddDays(40), Credit(0m)).Subscription;

        var decision = disabled.TopUp(Start.AddDays(50), Credit(1000m)).Value;

        Assert.Equal(SubscriptionState.Active, decision.Subscription.State);
        Assert.True(decision.Subscription.NeedsReconfiguration);
        Assert.Equal(TransitionReason.TopUp, Assert.Single(decision.Transitions).Reason);
    }

    [Fact]
    public void Ninety_days_disabled_deletes_the_subscription_for_good()
    {
        var disabledAt = Start.AddDays(40);
        var disabled = SubscriptionLifecycle.Start(OfferType.StandardPrepaid, Start, Zone).Tick(disabledAt, Credit(0m)).Subscription;

        Assert.Empty(disabled.Tick(disabledAt.AddDays(90).AddTicks(-1), Credit(0m)).Transitions);
        var decision = disabled.Tick(disabledAt.AddDays(95), Credit(0m));

        var deletion = Assert.Single(decision.Transitions);
        Assert.True(deletion.IsDeletion);
        Assert.Equal(disabledAt.AddDays(90), deletion.At);
        Assert.Equal(RefusalCode.SubscriptionDeleted, decision.Subscription.TopUp(disabledAt.AddDays(96), Credit(5000m)).Refusal?.Code);
    }

    [Fact]
    public void A_top_up_after_the_90_days_is_refused_even_before_the_sweep_ran()
    {
        var disabledAt = Start.AddDays(40);
        var disabled = SubscriptionLifecycle.Start(OfferType.StandardPrepaid, Start, Zone).Tick(disabledAt, Credit(0m)).Subscription;

        Assert.Equal(RefusalCode.SubscriptionDeleted, disabled.TopUp(disabledAt.AddDays(91), Credit(1000m)).Refusal?.Code);
    }

    [Fact]
    public void A_trial_is_disabled_one_local_month_after_start_then_deleted_15_days_later()
    {
        var trial = SubscriptionLifecycle.Start(OfferType.Trial, Start, Zone);
        var monthLater = new DateTimeOffset(2017, 2, 28, 9, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal(monthLater, trial.TrialEndsAt);
        Assert.Equal(monthLater, trial.Tick(Start.AddDays(1), Credit(1500m)).NextCheckAt);
        Assert.Empty(trial.Tick(monthLater.AddTicks(-1), Credit(1500m)).Transitions);
        var decision = trial.Tick(monthLater.AddDays(20), Credit(1500m));

        Assert.Equal(
            [(SubscriptionState.Disabled, TransitionReason.TrialEnded, monthLater), (SubscriptionState.Deleted, TransitionReason.DisabledTooLong, monthLater.AddDays(15))],
            decision.Transitions.Select(t => (t.To, t.Reason, t.At)));
    }

    [Fact]
    public void A_trial_whose_credit_runs_out_first_is_disabled_then()
    {
        var usedUpAt = Start.AddDays(3);

        var decision = SubscriptionLifecycle.Start(OfferType.Trial, Start, Zone).Tick(usedUpAt, Credit(0m));

        Assert.Equal(TransitionReason.CreditUsedUp, decision.Subscription.DisabledBecause);
        Assert.Equal(usedUpAt.AddDays(15), decision.NextCheckAt);
    }

    [Fact]
    public void A_disabled_trial_upgraded_within_15_days_becomes_active_standard_prepaid()
    {
        var disabled = SubscriptionLifecycle.Start(OfferType.Trial, Start, Zone).Tick(Start.AddDays(3), Credit(0m)).Subscription;

        var tooSmall = disabled.UpgradeToStandardPrepaid(Start.AddDays(10), Payment(999m), Policy, Credit(999m));
        var decision = disabled.UpgradeToStandardPrepaid(Start.AddDays(10), Payment(1000m), Policy, Credit(1000m)).Value;

        Assert.Equal(RefusalCode.PaymentBelowMinimum, tooSmall.Refusal?.Code);
        Assert.Equal(OfferType.StandardPrepaid, decision.Subscription.Offer);
        Assert.Equal(SubscriptionState.Active, decision.Subscription.State);
        Assert.True(decision.Subscription.NeedsReconfiguration);
        Assert.Null(decision.Subscription.TrialEndsAt);
        Assert.Equal(RefusalCode.SubscriptionDeleted, disabled.UpgradeToStandardPrepaid(Start.AddDays(19), Payment(1000m), Policy, Credit(1000m)).Refusal?.Code);
    }

    [Fact]
    public void An_upgraded_trial_is_not_stopped_by_the_trial_month()
    {
        var upgraded = SubscriptionLifecycle.Start(OfferType.Trial, Start, Zone)
            .UpgradeToStandardPrepaid(Start.AddDays(5), Payment(2000m), Policy, Credit(3000m)).Value.Subscription;

        Assert.Empty(upgraded.Tick(Start.AddMonths(2), Credit(100m)).Transitions);
    }

    [Theory]
    [InlineData(OfferType.Enterprise, CancellingRole.EnterpriseAccountAdministrator, CancellationChannel.Portal, null)]
    [InlineData(OfferType.Enterprise, CancellingRole.AccountAdministrator, CancellationChannel.Portal, "NotEnterpriseAdministrator")]
    [InlineData(OfferType.StandardPrepaid, CancellingRole.AccountAdministrator, CancellationChannel.Portal, "PrepaidNotCancellable")]
    [InlineData(OfferType.StandardPrepaid, CancellingRole.EnterpriseAccountAdministrator, CancellationChannel.Portal, "PrepaidNotCancellable")]
    [InlineData(OfferType.PayAsYouGo, CancellingRole.AccountAdministrator, CancellationChannel.Portal, "NotCancellableInPortal")]
    [InlineData(OfferType.LicenseBased, CancellingRole.Partner, CancellationChannel.PartnerCenter, null)]
    [InlineData(OfferType.StandardPrepaid, CancellingRole.Partner, CancellationChannel.PartnerCenter, "NotPartnerSold")]
    [InlineData(OfferType.StandardPrepaid, CancellingRole.Operator, CancellationChannel.OperatorApi, null)]
    public void Only_the_right_people_cancel_through_the_right_door(OfferType offer, CancellingRole role, CancellationChannel channel, string? refusal)
    {
        var outcome = SubscriptionLifecycle.Start(offer, Start, Zone).Cancel(Start.AddDays(1), new CancellationRequest(role, channel));

        Assert.Equal(refusal, outcome.Refusal?.Code.Code);
        if (refusal is null)
            Assert.Equal(SubscriptionState.Cancelled, outcome.Value.Subscription.State);
    }

    [Fact]
    public void Offer_rules_hide_enterprise_credit_from_the_billing_portal()
    {
        Assert.False(OfferType.Enterprise.ShowsCreditInBillingPortal());
        Assert.True(OfferType.StandardPrepaid.ShowsCreditInBillingPortal());
        Assert.True(OfferType.Trial.IsPrepaid());
        Assert.False(OfferType.PayAsYouGo.IsPrepaid());
    }
}
