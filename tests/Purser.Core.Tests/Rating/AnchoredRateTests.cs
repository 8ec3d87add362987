using Purser.Core.Calendar;
using Purser.Core.Invoicing;
using Purser.Core.Monetary;
using Purser.Core.Rating;

namespace Purser.Core.Tests.Rating;

/// <summary>R-PRICE-UP, R-PRICE-DOWN and R-PRICE-NEW through the anchor rule.</summary>
public class AnchoredRateTests
{
    private static readonly BillingTimeZone Zone = BillingTimeZone.ChinaStandardTime;
    private static readonly DateTimeOffset CycleStart = Zone.StartOf(new DateOnly(2017, 7, 15));
    private static readonly DateTimeOffset LongAgo = Zone.StartOf(new DateOnly(2016, 1, 1));

    private static Money Cny(decimal amount) => new(amount, Currency.CNY);

    private static PriceSchedule Schedule(decimal initial, params (decimal Price, DateOnly Effective)[] changes)
    {
        var prices = PriceSchedule.Empty.Announce(new PriceVersion(Cny(initial), LongAgo, LongAgo)).Value;
        foreach (var (price, effective) in changes)
        {
            var at = Zone.StartOf(effective);
            prices = prices.Announce(new PriceVersion(Cny(price), at, at.AddDays(-45))).Value;
        }
        return prices;
    }

    private static DateTimeOffset On(int month, int day) => Zone.StartOf(new DateOnly(2017, month, day)).AddHours(12);

    [Fact]
    public void An_existing_subscription_keeps_the_cycle_start_rate_after_an_increase_until_the_next_cycle()
    {
        var prices = Schedule(1.00m, (1.50m, new DateOnly(2017, 8, 1)));

        Assert.Equal(Cny(1.00m), AnchoredRate.For(prices, CycleStart, LongAgo, On(8, 10)));
        Assert.Equal(Cny(1.50m), AnchoredRate.For(prices, Zone.StartOf(new DateOnly(2017, 8, 15)), LongAgo, On(8, 20)));
    }

    [Fact]
    public void A_decrease_applies_from_its_effective_date_even_mid_cycle()
    {
        var prices = Schedule(1.00m, (0.70m, new DateOnly(2017, 8, 1)));

        Assert.Equal(Cny(1.00m), AnchoredRate.For(prices, CycleStart, LongAgo, On(7, 31)));
        Assert.Equal(Cny(0.70m), AnchoredRate.For(prices, CycleStart, LongAgo, On(8, 1)));
    }

    [Fact]
    public void A_subscription_created_mid_cycle_is_rated_at_the_rate_in_force_when_it_was_added()
    {
        var prices = Schedule(1.00m, (1.50m, new DateOnly(2017, 7, 20)), (2.00m, new DateOnly(2017, 8, 1)));
        var created = On(7, 25);

        Assert.Equal(Cny(1.50m), AnchoredRate.For(prices, CycleStart, created, On(7, 26)));
        Assert.Equal(Cny(1.50m), AnchoredRate.For(prices, CycleStart, created, On(8, 5)));
        Assert.Equal(Cny(1.00m), AnchoredRate.For(prices, CycleStart, LongAgo, On(8, 5)));
    }

    [Fact]
    public void A_meter_first_priced_mid_cycle_rates_at_its_first_price()
    {
        var first = On(7, 20);
        var prices = PriceSchedule.Empty.Announce(new PriceVersion(Cny(3m), first, first)).Value;

        Assert.Equal(Cny(3m), AnchoredRate.For(prices, CycleStart, LongAgo, On(7, 21)));
        Assert.Null(AnchoredRate.For(prices, CycleStart, LongAgo, On(7, 19)));
    }

    [Fact]
    public void Usage_lines_round_once_half_away_from_zero()
    {
        var line = UsageCharge.Line(Cny(0.0125m), 100m, new BillingPeriod(new(2017, 7, 15), new(2017, 7, 15)));

        Assert.Equal(ChargeType.Usage, line.ChargeType);
        Assert.Equal(Cny(1.25m), line.Amount);
        Assert.Equal(Cny(0.01m), UsageCharge.Line(Cny(0.0125m), 0.4m, line.Dates).Amount);
    }
}
