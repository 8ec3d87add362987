using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Lifecycle;

namespace Purser.Core.Payments;

/// <summary>
/// How a payment for a prepaid subscription applies: the credit lot it buys and, once that credit is in the ledger, what
/// becomes of the subscription. A trial's first payment of exactly 1 buys its 1,500 (R-TRIAL); a trial's qualifying payment
/// upgrades it; a StandardPrepaid top-up of at least the minimum (R-PAY-MIN) buys 12 months (R-LOT-12M) and re-enables a
/// disabled subscription (R-REACTIVATE). Invoiced offers are paid by invoice, not topped up.
/// </summary>
public sealed record PrepaidPaymentDecision(GrantCredit Grant, Func<CreditLedger, LifecycleDecision> Lifecycle)
{
    public static Outcome<PrepaidPaymentDecision> Decide(
        SubscriptionLifecycle lifecycle, PrepaidPayment payment, PaymentPolicy policy, BillingTimeZone zone, CreditLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(ledger);
        switch (lifecycle.Offer)
        {
            case OfferType.Trial when ledger.Lots.IsEmpty && payment.Amount.Amount == TrialActivation.Price:
                var trial = TrialActivation.Decide(payment, zone, lifecycle.Timers.TrialMonths);
                if (!trial.IsAccepted)
                    return trial.Refusal;
                return new PrepaidPaymentDecision(trial.Value, after => lifecycle.Tick(payment.PaidAt, CreditPosition.Of(after, payment.PaidAt)));
            case OfferType.Trial:
                var purchase = PrepaidPurchase.Decide(payment, policy, zone);
                if (!purchase.IsAccepted)
                    return purchase.Refusal;
                var upgrade = lifecycle.UpgradeToStandardPrepaid(payment.PaidAt, payment, policy, CreditPosition.Of(ledger, payment.PaidAt));
                if (!upgrade.IsAccepted)
                    return upgrade.Refusal;
                return new PrepaidPaymentDecision(purchase.Value, _ => upgrade.Value);
            case OfferType.StandardPrepaid:
                var topUp = PrepaidPurchase.Decide(payment, policy, zone);
                if (!topUp.IsAccepted)
                    return topUp.Refusal;
                // Probe the lifecycle first so a deleted or cancelled subscription refuses before any credit exists.
                var probe = lifecycle.TopUp(payment.PaidAt, CreditPosition.Of(ledger, payment.PaidAt));
                if (!probe.IsAccepted)
                    return probe.Refusal;
                return new PrepaidPaymentDecision(topUp.Value, after => lifecycle.TopUp(payment.PaidAt, CreditPosition.Of(after, payment.PaidAt)).Value);
            default:
                return new Refusal(RefusalCode.OfferNotPrepaid, $"A {lifecycle.Offer} subscription is invoiced; its invoices are paid, not topped up.", "subscriptionId");
        }
    }
}
