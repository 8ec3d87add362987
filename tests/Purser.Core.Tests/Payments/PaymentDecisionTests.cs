using Purser.Core.Calendar;
using Purser.Core.Invoicing;
using Purser.Core.Ledger;
using Purser.Core.Lifecycle;
using Purser.Core.Monetary;
using Purser.Core.Payments;

namespace Purser.Core.Tests.Payments;

/// <summary>How a payment applies, decided in Core: to an issued invoice (what is left due and its status) and to prepaid credit (the lot it buys and what becomes of the subscription).</summary>
public class PaymentDecisionTests
{
    private static readonly BillingTimeZone Zone = BillingTimeZone.ChinaStandardTime;
    private static readonly DateTimeOffset Issued = new(2019, 10, 5, 0, 20, 0, TimeSpan.FromHours(8));
    private static readonly IssuedInvoice Invoice = new("G000000007", Cny(100.00m), new DateOnly(2019, 11, 4), Issued);

    private static Money Cny(decimal amount) => new(amount, Currency.CNY);

    [Fact]
    public void Payments_lower_what_is_due_up_to_paid_and_never_beyond()
    {
        var now = Issued.AddDays(3);
        var today = Zone.DayOf(now);

        var part = InvoicePayment.Receive(Invoice, Cny(0m), Cny(40.00m), now, now, today).Value;
        var rest = InvoicePayment.Receive(Invoice, Cny(40.00m), Cny(60.00m), now, now, today).Value;
        var over = InvoicePayment.Receive(Invoice, Cny(40.00m), Cny(60.01m), now, now, today);

        Assert.Equal((Cny(40.00m), Cny(60.00m), InvoiceStatus.PartiallyPaid), (part.Paid, part.Remaining, part.Status));
        Assert.Equal((Cny(100.00m), Cny(0m), InvoiceStatus.Paid), (rest.Paid, rest.Remaining, rest.Status));
        Assert.Equal(RefusalCode.PaymentExceedsAmountDue, over.Refusal?.Code);
        Assert.Equal("amount", over.Refusal?.Target);
    }

    [Fact]
    public void A_payment_is_refused_before_the_invoice_existed_or_before_it_arrived()
    {
        var now = Issued.AddDays(3);

        var early = InvoicePayment.Receive(Invoice, Cny(0m), Cny(1m), Issued.AddSeconds(-1), now, Zone.DayOf(now));
        var ahead = InvoicePayment.Receive(Invoice, Cny(0m), Cny(1m), now.AddSeconds(1), now, Zone.DayOf(now));

        Assert.Equal(("receivedAt", "receivedAt"), (early.Refusal?.Target, ahead.Refusal?.Target));
    }

    [Fact]
    public void An_unpaid_invoice_is_overdue_from_the_local_day_after_its_due_date()
    {
        Assert.Equal(InvoiceStatus.Due, InvoicePayment.Standing(Invoice, Cny(0m), new DateOnly(2019, 11, 4)).Status);
        Assert.Equal(InvoiceStatus.OverDue, InvoicePayment.Standing(Invoice, Cny(99.99m), new DateOnly(2019, 11, 5)).Status);
    }

    [Fact]
    public void A_trials_first_payment_of_one_buys_its_credit_and_a_later_payment_must_qualify_as_an_upgrade()
    {
        var paidAt = new DateTimeOffset(2019, 9, 1, 10, 0, 0, TimeSpan.FromHours(8));
        var trial = SubscriptionLifecycle.Start(OfferType.Trial, paidAt, Zone);
        var policy = PaymentPolicy.StandardPrepaid(Currency.CNY);
        var empty = CreditLedger.Empty(Currency.CNY);

        var activation = PrepaidPaymentDecision.Decide(trial, new PrepaidPayment("pay-1", Guid.NewGuid(), Cny(1m), paidAt), policy, Zone, empty).Value;
        var ledger = empty.Apply(activation.Grant.Decide(empty).Value);
        var small = PrepaidPaymentDecision.Decide(trial, new PrepaidPayment("pay-2", Guid.NewGuid(), Cny(999m), paidAt.AddDays(3)), policy, Zone, ledger);
        var upgrade = PrepaidPaymentDecision.Decide(trial, new PrepaidPayment("pay-3", Guid.NewGuid(), Cny(1000m), paidAt.AddDays(3)), policy, Zone, ledger).Value;

        Assert.Equal(Cny(1500m), activation.Grant.Amount);
        Assert.Equal(CreditSources.Trial, activation.Grant.Source);
        Assert.Equal(SubscriptionState.Active, activation.Lifecycle(ledger).Subscription.State);
        Assert.Equal(RefusalCode.PaymentBelowMinimum, small.Refusal?.Code);
        Assert.Equal(OfferType.StandardPrepaid, upgrade.Lifecycle(ledger).Subscription.Offer);
        Assert.Equal(Zone.AddMonths(paidAt.AddDays(3), 12), upgrade.Grant.ExpiresAt);
    }

    [Fact]
    public void A_top_up_re_enables_a_disabled_prepaid_subscription_and_an_invoiced_one_is_not_topped_up()
    {
        var start = new DateTimeOffset(2019, 9, 1, 10, 0, 0, TimeSpan.FromHours(8));
        var empty = CreditLedger.Empty(Currency.CNY);
        var disabled = SubscriptionLifecycle.Start(OfferType.StandardPrepaid, start, Zone).Tick(start.AddDays(1), CreditPosition.Of(empty, start.AddDays(1))).Subscription;
        var payment = new PrepaidPayment("pay-1", Guid.NewGuid(), Cny(1000m), start.AddDays(2));
        var policy = PaymentPolicy.StandardPrepaid(Currency.CNY);

        var topUp = PrepaidPaymentDecision.Decide(disabled, payment, policy, Zone, empty).Value;
        var after = empty.Apply(topUp.Grant.Decide(empty).Value);
        var invoiced = PrepaidPaymentDecision.Decide(SubscriptionLifecycle.Start(OfferType.PayAsYouGo, start, Zone), payment, policy, Zone, empty);

        Assert.Equal(SubscriptionState.Disabled, disabled.State);
        var reenabled = topUp.Lifecycle(after).Subscription;
        Assert.Equal(SubscriptionState.Active, reenabled.State);
        Assert.True(reenabled.NeedsReconfiguration);
        Assert.Equal(RefusalCode.OfferNotPrepaid, invoiced.Refusal?.Code);
    }
}
