using Purser.Core.Monetary;
using Purser.Core.Rating;

namespace Purser.Core.Tests.Rating;

public class PriceScheduleTests
{
    private static readonly DateTimeOffset Jan1 = new(2017, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private static Money Cny(decimal amount) => new(amount, Currency.CNY);

    private static PriceSchedule Starting(decimal price) =>
        PriceSchedule.Empty.Announce(new PriceVersion(Cny(price), Jan1, Jan1)).Value;

    [Fact]
    public void An_increase_announced_less_than_30_days_ahead_is_refused()
    {
        var prices = Starting(1.00m);

        var outcome = prices.Announce(new PriceVersion(Cny(1.20m), Jan1.AddDays(60), Jan1.AddDays(31)));

        Assert.False(outcome.IsAccepted);
        Assert.Equal(RefusalCode.PriceIncreaseNoticeTooShort, outcome.Refusal.Code);
        Assert.Contains("30 days", outcome.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_increase_announced_30_days_ahead_is_accepted()
    {
        var prices = Starting(1.00m).Announce(new PriceVersion(Cny(1.20m), Jan1.AddDays(60), Jan1.AddDays(30))).Value;

        Assert.Equal(Cny(1.00m), prices.RateAt(Jan1.AddDays(60).AddTicks(-1)));
        Assert.Equal(Cny(1.20m), prices.RateAt(Jan1.AddDays(60)));
    }

    [Fact]
    public void A_decrease_needs_no_notice_and_takes_effect_on_its_date()
    {
        var prices = Starting(1.00m).Announce(new PriceVersion(Cny(0.80m), Jan1.AddDays(10), Jan1.AddDays(10))).Value;

        Assert.Equal(Cny(0.80m), prices.RateAt(Jan1.AddDays(10)));
    }

    [Fact]
    public void Retroactive_prices_and_a_second_price_for_the_same_instant_are_refused()
    {
        var prices = Starting(1.00m);

        Assert.Equal(RefusalCode.PriceChangeRetroactive, prices.Announce(new PriceVersion(Cny(0.5m), Jan1.AddDays(1), Jan1.AddDays(2))).Refusal?.Code);
        Assert.Equal(RefusalCode.PriceVersionExists, prices.Announce(new PriceVersion(Cny(0.5m), Jan1, Jan1)).Refusal?.Code);
        Assert.Equal(RefusalCode.CurrencyMismatch, prices.Announce(new PriceVersion(new Money(1m, Currency.USD), Jan1.AddDays(40), Jan1)).Refusal?.Code);
    }

    [Fact]
    public void A_first_price_may_be_dated_back_a_year_for_onboarded_history_and_a_change_never()
    {
        var announced = Jan1.AddDays(200);
        var first = PriceSchedule.Empty.Announce(new PriceVersion(Cny(0.8m), Jan1, announced));

        Assert.True(first.IsAccepted);
        Assert.Equal(Cny(0.8m), first.Value.RateAt(Jan1.AddDays(1)));
        Assert.Equal(RefusalCode.PriceChangeRetroactive, first.Value.Announce(new PriceVersion(Cny(0.5m), Jan1.AddDays(100), announced)).Refusal?.Code);
        Assert.Equal(RefusalCode.PriceBackdatedTooFar, PriceSchedule.Empty.Announce(new PriceVersion(Cny(0.8m), announced.AddDays(-367), announced)).Refusal?.Code);
    }

    [Fact]
    public void A_meter_has_no_rate_before_its_first_price() =>
        Assert.Null(Starting(1m).RateAt(Jan1.AddTicks(-1)));

    [Fact]
    public void A_price_in_force_since_the_beginning_of_time_is_accepted() =>
        Assert.Equal(Cny(10m), PriceSchedule.Empty.Announce(new PriceVersion(Cny(10m), DateTimeOffset.MinValue, DateTimeOffset.MinValue)).Value.RateAt(Jan1));
}
