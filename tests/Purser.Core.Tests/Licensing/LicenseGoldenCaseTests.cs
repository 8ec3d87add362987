using Purser.Core.Calendar;
using Purser.Core.Invoicing;
using Purser.Core.Licensing;
using Purser.Core.Monetary;

namespace Purser.Core.Tests.Licensing;

/// <summary>The worked examples of SPEC §3.3 (seed 003), reproduced to the cent with 2017 dates.</summary>
public class LicenseGoldenCaseTests
{
    private static readonly AnniversaryCalendar BillingDay15 = AnniversaryCalendar.OnDay(15);

    private static DateOnly D(int month, int day) => new(2017, month, day);

    private static BillingPeriod P(int fromMonth, int fromDay, int toMonth, int toDay) => new(D(fromMonth, fromDay), D(toMonth, toDay));

    private static Money Usd(decimal amount) => new(amount, Currency.USD);

    private static LicenseSubscription Existing(decimal price, int seats) =>
        LicenseSubscription.Start(D(5, 15), BillingDay15, Usd(price), seats);

    private static LicenseSubscription Then(Outcome<LicenseSubscription> outcome) => outcome.Value;

    private static void AssertLine(LineItem line, ChargeType type, decimal unitPrice, int quantity, BillingPeriod dates, decimal amount)
    {
        Assert.Equal(type, line.ChargeType);
        Assert.Equal(Usd(unitPrice), line.UnitPrice);
        Assert.Equal(quantity, line.Quantity);
        Assert.Equal(dates, line.Dates);
        Assert.Equal(Usd(amount), line.Amount);
    }

    [Fact]
    public void New_subscription_is_free_until_its_first_billing_date_then_prepays_one_month()
    {
        var subscription = LicenseSubscription.Start(D(6, 3), BillingDay15, Usd(10m), 10);

        Assert.Empty(LicenseStatement.AtStart(subscription));
        var line = Assert.Single(LicenseStatement.AtClose(subscription, P(6, 3, 6, 14)));
        AssertLine(line, ChargeType.Prepaid, 10m, 10, P(6, 15, 7, 14), 100.00m);
    }

    [Fact]
    public void Seat_changes_in_the_free_period_are_zero_priced_lines_before_the_prepaid_month()
    {
        var subscription = LicenseSubscription.Start(D(6, 3), BillingDay15, Usd(10m), 10);
        subscription = Then(subscription.ChangeSeats(D(6, 8), 20));
        subscription = Then(subscription.ChangeSeats(D(6, 12), 15));

        var lines = LicenseStatement.AtClose(subscription, P(6, 3, 6, 14));

        Assert.Equal(4, lines.Length);
        AssertLine(lines[0], ChargeType.Prorated, 0m, 10, P(6, 3, 6, 7), 0m);
        AssertLine(lines[1], ChargeType.Prorated, 0m, 20, P(6, 8, 6, 11), 0m);
        AssertLine(lines[2], ChargeType.Prorated, 0m, 15, P(6, 12, 6, 14), 0m);
        AssertLine(lines[3], ChargeType.Prepaid, 10m, 15, P(6, 15, 7, 14), 150.00m);
    }

    [Fact]
    public void Cancelled_before_the_first_billing_date_charges_nothing()
    {
        var subscription = LicenseSubscription.Start(D(6, 3), BillingDay15, Usd(10m), 10);
        subscription = Then(subscription.ChangeSeats(D(6, 8), 20));
        subscription = Then(subscription.Cancel(D(6, 10)));

        Assert.Empty(LicenseStatement.AtStart(subscription));
        Assert.Empty(LicenseStatement.AtClose(subscription, P(6, 3, 6, 14)));
        Assert.Empty(LicenseStatement.AtClose(subscription, P(6, 15, 7, 14)));
    }

    [Fact]
    public void Seat_changes_in_a_prepaid_month_reverse_it_and_bill_prorated_use()
    {
        var subscription = Existing(11m, 15);
        subscription = Then(subscription.ChangeSeats(D(7, 20), 12));
        subscription = Then(subscription.ChangeSeats(D(7, 31), 18));
        subscription = Then(subscription.ChangeSeats(D(8, 10), 10));
        var july = P(7, 15, 8, 14);
        Assert.Equal(31, july.Days);

        var lines = LicenseStatement.AtClose(subscription, july);

        Assert.Equal(6, lines.Length);
        AssertLine(lines[0], ChargeType.Reversal, 11m, 15, july, -165.00m);
        AssertLine(lines[1], ChargeType.Prorated, 11m, 15, P(7, 15, 7, 19), 26.61m);
        AssertLine(lines[2], ChargeType.Prorated, 11m, 12, P(7, 20, 7, 30), 46.84m);
        AssertLine(lines[3], ChargeType.Prorated, 11m, 18, P(7, 31, 8, 9), 63.87m);
        AssertLine(lines[4], ChargeType.Prorated, 11m, 10, P(8, 10, 8, 14), 17.74m);
        AssertLine(lines[5], ChargeType.Prepaid, 11m, 10, P(8, 15, 9, 14), 110.00m);
    }

    [Fact]
    public void The_prepaid_month_before_the_changes_was_billed_for_the_old_seat_count()
    {
        var subscription = Existing(11m, 15);
        subscription = Then(subscription.ChangeSeats(D(7, 20), 12));

        var line = Assert.Single(LicenseStatement.AtClose(subscription, P(6, 15, 7, 14)));
        AssertLine(line, ChargeType.Prepaid, 11m, 15, P(7, 15, 8, 14), 165.00m);
    }

    [Fact]
    public void Cancelling_without_changes_credits_the_unused_days()
    {
        var subscription = Then(Existing(11m, 10).Cancel(D(8, 25)));
        var august = P(8, 15, 9, 14);

        var line = Assert.Single(LicenseStatement.AtClose(subscription, august));

        // 10 × 11 × 21 / 31 = 74.516…, a credit, so toward zero.
        AssertLine(line, ChargeType.CreditForUnusedDays, 11m, 10, P(8, 25, 9, 14), -74.51m);
        Assert.Equal(-2310m / 31m, line.UnroundedAmount.Amount);
        Assert.Empty(LicenseStatement.AtClose(subscription, P(9, 15, 10, 14)));
    }

    [Fact]
    public void Cancelling_after_changes_reverses_prorates_and_credits_the_unused_days()
    {
        var subscription = Existing(10m, 10);
        subscription = Then(subscription.ChangeSeats(D(8, 25), 5));
        subscription = Then(subscription.Cancel(D(9, 1)));
        var august = P(8, 15, 9, 14);

        var lines = LicenseStatement.AtClose(subscription, august);

        Assert.Equal(4, lines.Length);
        AssertLine(lines[0], ChargeType.Reversal, 10m, 10, august, -100.00m);
        AssertLine(lines[1], ChargeType.Prorated, 10m, 10, P(8, 15, 8, 24), 32.26m);
        AssertLine(lines[2], ChargeType.Prorated, 10m, 5, P(8, 25, 9, 14), 33.87m);
        AssertLine(lines[3], ChargeType.CreditForUnusedDays, 10m, 5, P(9, 1, 9, 14), -22.58m);
    }

    [Fact]
    public void A_month_without_changes_holds_only_the_next_prepaid_charge()
    {
        var lines = LicenseStatement.AtClose(Existing(11m, 15), P(7, 15, 8, 14));

        AssertLine(Assert.Single(lines), ChargeType.Prepaid, 11m, 15, P(8, 15, 9, 14), 165.00m);
    }

    [Fact]
    public void Cancelling_on_a_billing_date_ends_billing_without_credit()
    {
        var subscription = Then(Existing(11m, 15).Cancel(D(8, 15)));

        Assert.Empty(LicenseStatement.AtClose(subscription, P(7, 15, 8, 14)));
    }

    [Fact]
    public void Starting_on_a_billing_date_prepays_the_first_month_at_once()
    {
        var subscription = LicenseSubscription.Start(D(6, 15), BillingDay15, Usd(10m), 3);

        var line = Assert.Single(LicenseStatement.AtStart(subscription));
        AssertLine(line, ChargeType.Prepaid, 10m, 3, P(6, 15, 7, 14), 30.00m);
        Assert.Null(subscription.FreePeriod);
    }

    [Fact]
    public void Seat_changes_after_cancellation_are_refused()
    {
        var cancelled = Then(Existing(10m, 10).Cancel(D(9, 1)));

        var outcome = cancelled.ChangeSeats(D(9, 5), 3);

        Assert.False(outcome.IsAccepted);
        Assert.Equal(RefusalCode.SubscriptionCancelled, outcome.Refusal.Code);
    }

    [Fact]
    public void A_seat_change_learnt_after_the_cancellation_is_taken_when_it_falls_before_the_end()
    {
        var cancelled = Then(Existing(10m, 10).Cancel(D(9, 1)));

        var changed = Then(cancelled.ChangeSeats(D(8, 25), 5));

        Assert.Equal(5, changed.Seats.SeatsOn(D(8, 31)));
        Assert.Equal(D(9, 1), changed.EndsOn);
        Assert.Equal(RefusalCode.SubscriptionCancelled, cancelled.ChangeSeats(D(9, 1), 3).Refusal!.Code);
    }

    [Fact]
    public void A_period_that_is_not_the_subscriptions_is_rejected() =>
        Assert.Throws<ArgumentException>(() => LicenseStatement.AtClose(Existing(10m, 1), P(7, 1, 7, 31)));

    [Fact]
    public void Periods_start_with_the_free_period_then_follow_the_calendar()
    {
        var subscription = LicenseSubscription.Start(D(6, 3), BillingDay15, Usd(10m), 1);

        var periods = subscription.Periods().Take(3).ToArray();

        Assert.Equal([P(6, 3, 6, 14), P(6, 15, 7, 14), P(7, 15, 8, 14)], periods);
        Assert.Equal(P(6, 15, 7, 14), subscription.PeriodClosingOn(D(7, 15)));
        Assert.Null(subscription.PeriodClosingOn(D(7, 16)));
    }
}
