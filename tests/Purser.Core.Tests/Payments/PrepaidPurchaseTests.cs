using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Core.Payments;

namespace Purser.Core.Tests.Payments;

public class PrepaidPurchaseTests
{
    private static readonly BillingTimeZone Zone = BillingTimeZone.ChinaStandardTime;
    private static readonly DateTimeOffset PaidAt = new(2017, 8, 15, 10, 30, 0, TimeSpan.FromHours(8));

    private static PrepaidPayment Payment(decimal amount, Currency? currency = null) =>
        new("pay-1", Guid.NewGuid(), new Money(amount, currency ?? Currency.CNY), PaidAt);

    [Theory]
    [InlineData(999.99)]
    [InlineData(1)]
    [InlineData(0)]
    public void Prepaid_payments_below_1000_are_refused_and_change_nothing(decimal amount)
    {
        var ledger = CreditLedger.Empty(Currency.CNY);

        var outcome = PrepaidPurchase.Decide(Payment(amount), PaymentPolicy.StandardPrepaid(Currency.CNY), Zone);

        Assert.Equal(RefusalCode.PaymentBelowMinimum, outcome.Refusal?.Code);
        Assert.Contains("1000", outcome.Refusal?.Message, StringComparison.Ordinal);
        Assert.Empty(ledger.Lots);
    }

    [Fact]
    public void The_minimum_is_configurable_per_offer()
    {
        var policy = PaymentPolicy.StandardPrepaid(Currency.CNY, minimum: 5000m);

        Assert.False(PrepaidPurchase.Decide(Payment(1000m), policy, Zone).IsAccepted);
        Assert.True(PrepaidPurchase.Decide(Payment(5000m), policy, Zone).IsAccepted);
    }

    [Fact]
    public void A_payment_in_another_currency_is_refused() =>
        Assert.Equal(RefusalCode.CurrencyMismatch, PrepaidPurchase.Decide(Payment(2000m, Currency.USD), PaymentPolicy.StandardPrepaid(Currency.CNY), Zone).Refusal?.Code);

    [Fact]
    public void Each_payment_becomes_a_lot_valid_12_months_from_its_own_purchase_date()
    {
        var ledger = CreditLedger.Empty(Currency.CNY);
        var policy = PaymentPolicy.StandardPrepaid(Currency.CNY);
        var first = PrepaidPurchase.Decide(Payment(1000m), policy, Zone).Value;
        var later = PrepaidPurchase.Decide(Payment(1500m) with { Key = "pay-2", PaidAt = PaidAt.AddDays(100) }, policy, Zone).Value;

        ledger = ledger.Apply(first.Decide(ledger).Value);
        ledger = ledger.Apply(later.Decide(ledger).Value);

        Assert.Equal(new DateTimeOffset(2018, 8, 15, 10, 30, 0, TimeSpan.FromHours(8)), ledger.Lots[0].ExpiresAt);
        Assert.Equal(new DateTimeOffset(2018, 11, 23, 10, 30, 0, TimeSpan.FromHours(8)), ledger.Lots[1].ExpiresAt);
        Assert.Equal(PaidAt, ledger.Lots[0].StartsAt);
        Assert.All(ledger.Lots, l => Assert.Equal(CreditSources.Prepayment, l.Source));
        Assert.Equal(new Money(2500m, Currency.CNY), BalanceSummary.Of(ledger).CurrentBalance);
    }

    [Fact]
    public void A_replayed_payment_creates_no_second_lot()
    {
        var ledger = CreditLedger.Empty(Currency.CNY);
        var grant = PrepaidPurchase.Decide(Payment(1000m), PaymentPolicy.StandardPrepaid(Currency.CNY), Zone).Value;
        ledger = ledger.Apply(grant.Decide(ledger).Value);

        var replay = grant.Decide(ledger).Value;

        Assert.True(replay.Replayed);
        Assert.Single(ledger.Apply(replay).Lots);
    }

    [Fact]
    public void A_trial_payment_of_1_buys_1500_of_credit_for_one_month()
    {
        var grant = TrialActivation.Decide(Payment(1m), Zone).Value;

        Assert.Equal(new Money(1500m, Currency.CNY), grant.Amount);
        Assert.Equal(PaidAt.AddMonths(1), grant.ExpiresAt);
        Assert.Equal(CreditSources.Trial, grant.Source);
        Assert.False(TrialActivation.Decide(Payment(2m), Zone).IsAccepted);
    }
}
