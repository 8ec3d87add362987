using FsCheck.Xunit;
using Purser.Core.Calendar;
using Purser.Core.Invoicing;
using Purser.Core.Licensing;

namespace Purser.Core.Tests.Licensing;

/// <summary>Proration over random seat timelines, billing days and years.</summary>
[Properties(Arbitrary = [typeof(SeatScenario)], MaxTest = 3000)]
public class ProrationProperties
{
    private static readonly decimal Cent = 0.01m;

    private static void AssertCoversExactlyOnce(BillingPeriod window, List<LineItem> lines)
    {
        Assert.NotEmpty(lines);
        Assert.Equal(window.Start, lines[0].Dates.Start);
        for (var i = 1; i < lines.Count; i++)
            Assert.Equal(lines[i - 1].Dates.NextStart, lines[i].Dates.Start);
        Assert.Equal(window.End, lines[^1].Dates.End);
        Assert.Equal(window.Days, lines.Sum(l => l.Dates.Days));
    }

    [Property]
    public void Prorated_lines_cover_the_month_once_and_sum_to_the_exact_total_within_a_cent_a_line(SeatScenario scenario)
    {
        var (subscription, month) = (scenario.Subscription, scenario.Month);
        var lines = LicenseStatement.AtClose(subscription, month);
        var prorated = lines.Where(l => l.ChargeType == ChargeType.Prorated).ToList();
        var changed = subscription.Seats.Segments(month) is var used && (used.Length > 1 || used[0].Seats != subscription.PrepaidSeats(month));

        Assert.Equal(changed, prorated.Count > 0);
        Assert.Equal(changed, lines.Any(l => l.ChargeType == ChargeType.Reversal));
        if (!changed)
            return;
        AssertCoversExactlyOnce(month, prorated);
        var price = subscription.Prices.For(month).Amount;
        var exact = price * prorated.Sum(l => l.Quantity * l.Dates.Days) / month.Days;
        Assert.True(Math.Abs(prorated.Sum(l => l.UnroundedAmount.Amount) - exact) < 1e-15m);
        Assert.True(Math.Abs(prorated.Sum(l => l.Amount.Amount) - exact) <= Cent * prorated.Count);
        Assert.All(prorated, l =>
        {
            Assert.True(Math.Abs(l.Amount.Amount - l.UnroundedAmount.Amount) <= Cent / 2);
            Assert.Equal(subscription.Seats.SeatsOn(l.Dates.Start), l.Quantity);
            Assert.Equal(subscription.Seats.SeatsOn(l.Dates.End), l.Quantity);
        });
        var reversal = lines.Single(l => l.ChargeType == ChargeType.Reversal);
        Assert.Equal(-(price * subscription.PrepaidSeats(month)), reversal.Amount.Amount);
    }

    [Property]
    public void Unused_day_credits_cover_the_days_after_cancellation_once_and_never_over_credit(SeatScenario scenario)
    {
        var (subscription, month) = (scenario.Subscription, scenario.Month);
        var lines = LicenseStatement.AtClose(subscription, month);
        var credits = lines.Where(l => l.ChargeType == ChargeType.CreditForUnusedDays).ToList();

        if (subscription.EndsOn is not { } ends)
        {
            Assert.Empty(credits);
            Assert.Single(lines, l => l.ChargeType == ChargeType.Prepaid);
            return;
        }
        AssertCoversExactlyOnce(new BillingPeriod(ends, month.End), credits);
        Assert.DoesNotContain(lines, l => l.ChargeType == ChargeType.Prepaid);
        Assert.All(credits, l =>
        {
            Assert.False(l.Amount.IsPositive);
            Assert.True(Math.Abs(l.Amount.Amount) <= Math.Abs(l.UnroundedAmount.Amount));
            Assert.True(Math.Abs(l.Amount.Amount - l.UnroundedAmount.Amount) < Cent);
        });
    }

    [Property]
    public void Every_line_amount_is_in_whole_cents(SeatScenario scenario) =>
        Assert.All(LicenseStatement.AtClose(scenario.Subscription, scenario.Month), l => Assert.True(l.Amount.IsWholeMinorUnits));

    [Property]
    public void A_full_month_with_no_changes_costs_exactly_the_prepaid_charge(SeatScenario scenario)
    {
        // Prorating a constant seat count over a whole month must give back the monthly price.
        var seats = scenario.Subscription.PrepaidSeats(scenario.Month);
        var share = Proration.Share(scenario.Subscription.Prices.For(scenario.Month), seats, scenario.Month, scenario.Month);

        Assert.Equal(scenario.Subscription.Prices.For(scenario.Month) * seats, share);
    }
}
