using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Lifecycle;
using Purser.Core.Monetary;
using Purser.Core.Payments;

namespace Purser.Core.Tests.Lifecycle;

/// <summary>Random histories of ticks and commands against every offer type.</summary>
[Properties(Arbitrary = [typeof(LifecycleProperties)], MaxTest = 3000)]
public class LifecycleProperties
{
    private static readonly DateTimeOffset Start = new(2017, 1, 31, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly PaymentPolicy Policy = PaymentPolicy.StandardPrepaid(Currency.CNY);

    public sealed record History(OfferType Offer, (int Kind, int Hours, int Amount)[] Steps)
    {
        public override string ToString() => $"{Offer}: {string.Join(", ", Steps)}";
    }

    public static Arbitrary<History> Histories()
    {
        var step = Gen.Choose(0, 5).SelectMany(kind => Gen.Choose(0, 24 * 60), (kind, hours) => (kind, hours))
            .SelectMany(s => Gen.Elements(0, 0, 500, 999, 1000, 3000), (s, amount) => (s.kind, s.hours, amount));
        return Gen.Elements(Enum.GetValues<OfferType>())
            .SelectMany(offer => step.ArrayOf(), (offer, steps) => new History(offer, steps))
            .ToArbitrary();
    }

    [Property]
    public void Deleted_and_cancelled_subscriptions_never_change_again(History history)
    {
        var subscription = SubscriptionLifecycle.Start(history.Offer, Start, BillingTimeZone.ChinaStandardTime);
        var now = Start;
        foreach (var (kind, hours, amount) in history.Steps)
        {
            now = now.AddHours(hours);
            var before = subscription;
            var decision = Apply(subscription, kind, now, amount);
            if (decision is null)
                continue;

            if (before.IsFinal)
            {
                Assert.Empty(decision.Transitions);
                Assert.Equal(before.State, decision.Subscription.State);
            }
            var state = before.State;
            foreach (var transition in decision.Transitions)
            {
                Assert.Equal(state, transition.From);
                Assert.NotEqual(SubscriptionState.Deleted, transition.From);
                Assert.NotEqual(SubscriptionState.Cancelled, transition.From);
                if (transition.To == SubscriptionState.Deleted)
                    Assert.Equal(SubscriptionState.Disabled, transition.From);
                state = transition.To;
            }
            Assert.Equal(state, decision.Subscription.State);
            Assert.Equal(decision.Subscription.State == SubscriptionState.Active, decision.Subscription.IsEntitled);
            if (!history.Offer.IsPrepaid())
                Assert.DoesNotContain(decision.Transitions, t => t.To is SubscriptionState.Disabled or SubscriptionState.Deleted);
            subscription = decision.Subscription;
        }
    }

    private static LifecycleDecision? Apply(SubscriptionLifecycle subscription, int kind, DateTimeOffset now, int amount)
    {
        var credit = new CreditPosition(new Money(amount, Currency.CNY), amount > 0 ? now.AddMonths(6) : null, amount == 0 && kind == 1);
        var payment = new PrepaidPayment("pay", Guid.Empty, new Money(amount, Currency.CNY), now);
        var outcome = kind switch
        {
            0 or 1 => Outcome<LifecycleDecision>.Accept(subscription.Tick(now, credit)),
            2 => subscription.TopUp(now, credit),
            3 => subscription.UpgradeToStandardPrepaid(now, payment, Policy, credit),
            4 => subscription.Cancel(now, new CancellationRequest(CancellingRole.Operator, CancellationChannel.OperatorApi)),
            _ => subscription.Cancel(now, new CancellationRequest(CancellingRole.EnterpriseAccountAdministrator, CancellationChannel.Portal)),
        };
        return outcome.IsAccepted ? outcome.Value : null;
    }
}
