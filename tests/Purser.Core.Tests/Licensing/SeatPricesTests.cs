using Purser.Core.Calendar;
using Purser.Core.Licensing;
using Purser.Core.Monetary;
using Purser.Core.Rating;

namespace Purser.Core.Tests.Licensing;

public class SeatPricesTests
{
    private static readonly BillingTimeZone Shanghai = BillingTimeZone.Resolve("Asia/Shanghai");

    private static Money Usd(decimal amount) => new(amount, Currency.USD);

    private static BillingPeriod P(int fromMonth, int fromDay, int toMonth, int toDay) =>
        new(new DateOnly(2017, fromMonth, fromDay), new DateOnly(2017, toMonth, toDay));

    private static DateTimeOffset LocalMidnight(int month, int day) => Shanghai.StartOf(new DateOnly(2017, month, day));

    [Fact]
    public void A_fixed_price_is_in_force_for_every_month()
    {
        // Regression: a price in force from DateTimeOffset.MinValue made PriceSchedule.Announce overflow.
        var prices = SeatPrices.Fixed(Usd(11m));

        Assert.Equal(Usd(11m), prices.For(P(7, 15, 8, 14)));
        Assert.Equal(Usd(11m), prices.For(new BillingPeriod(DateOnly.MinValue, DateOnly.MinValue.AddDays(30))));
        Assert.Equal(Currency.USD, prices.Currency);
    }

    [Fact]
    public void A_month_is_billed_at_the_price_in_force_at_its_local_start()
    {
        var schedule = PriceSchedule.Empty
            .Announce(new PriceVersion(Usd(10m), LocalMidnight(1, 1), LocalMidnight(1, 1))).Value
            // An increase announced well ahead, effective one minute after the 8/15 local midnight.
            .Announce(new PriceVersion(Usd(12m), LocalMidnight(8, 15).AddMinutes(1), LocalMidnight(6, 1))).Value
            // A decrease effective exactly at the 9/15 local midnight.
            .Announce(new PriceVersion(Usd(9m), LocalMidnight(9, 15), LocalMidnight(9, 1))).Value;
        var prices = SeatPrices.Of(schedule, Shanghai);

        Assert.Equal(Usd(10m), prices.For(P(7, 15, 8, 14)));
        Assert.Equal(Usd(10m), prices.For(P(8, 15, 9, 14)));
        Assert.Equal(Usd(9m), prices.For(P(9, 15, 10, 14)));
        // Before the product's first price, the first price.
        Assert.Equal(Usd(10m), prices.For(new BillingPeriod(new DateOnly(2016, 12, 15), new DateOnly(2017, 1, 14))));
    }
}
