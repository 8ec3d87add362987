using Purser.Core.Ledger;
using Purser.Core.Monetary;

namespace Purser.Core.Tests.Ledger;

public class CreditForecastTests
{
    private static readonly DateOnly Today = new(2017, 8, 15);

    private static Money Cny(decimal amount) => new(amount, Currency.CNY);

    private static Money[] Days(params decimal[] costs) => [.. costs.Select(Cny)];

    [Fact]
    public void Credit_runs_out_on_the_first_day_whose_spending_reaches_what_remains()
    {
        // 1,000.00 at 138.57 a day (the average of 120.30, 150.00, 145.41): 7 days spend 969.99, the 8th reaches it.
        var forecast = CreditForecast.Of(Cny(1000m), Days(120.30m, 150.00m, 145.41m), Today, Today.AddMonths(6));

        Assert.Equal(new DateOnly(2017, 8, 23), forecast.RunsOutOn);
        Assert.Equal(Cny(138.57m), forecast.DailyRate);
        Assert.Equal(3, forecast.BasisDays);
        Assert.False(forecast.ExpiresFirst);
    }

    [Fact]
    public void Credit_that_exactly_covers_whole_days_runs_out_on_the_last_of_them()
    {
        var forecast = CreditForecast.Of(Cny(900m), Days(30m, 30m, 30m, 30m, 30m, 30m, 30m, 30m, 30m, 30m), Today, null);

        Assert.Equal(Today.AddDays(30), forecast.RunsOutOn);
        Assert.Equal(Cny(30m), forecast.DailyRate);
    }

    [Fact]
    public void One_cent_more_than_whole_days_lasts_into_the_next_day()
    {
        var forecast = CreditForecast.Of(Cny(900.01m), Days(30m, 30m), Today, null);

        Assert.Equal(Today.AddDays(31), forecast.RunsOutOn);
    }

    [Fact]
    public void Credit_that_expires_before_it_is_used_up_says_so()
    {
        var forecast = CreditForecast.Of(Cny(1000m), Days(10m), Today, Today.AddDays(30));

        Assert.Equal(Today.AddDays(100), forecast.RunsOutOn);
        Assert.True(forecast.ExpiresFirst);
    }

    [Fact]
    public void No_recent_usage_gives_no_forecast()
    {
        Assert.Null(CreditForecast.Of(Cny(1000m), Days(0m, 0m), Today, null).RunsOutOn);
        Assert.Null(CreditForecast.Of(Cny(1000m), [], Today, null).RunsOutOn);
    }

    [Fact]
    public void Credit_already_used_up_runs_out_today()
    {
        Assert.Equal(Today, CreditForecast.Of(Cny(0m), Days(25m), Today, null).RunsOutOn);
    }

    [Fact]
    public void The_rate_is_taken_only_from_complete_days_since_the_subscription_began()
    {
        // Eleven days listed (5th to 15th); the subscription began on the 12th, and today (the 15th) is still running: 12th, 13th, 14th count.
        var listed = Enumerable.Range(5, 11).Select(d => (new DateOnly(2017, 8, d), Cny(d >= 12 ? 30m : 0m))).ToList();

        var basis = CreditForecast.Basis(listed, new DateOnly(2017, 8, 12), Today);
        var forecast = CreditForecast.Of(Cny(300m), basis, Today, null);

        Assert.Equal([Cny(30m), Cny(30m), Cny(30m)], basis);
        Assert.Equal(Cny(30m), forecast.DailyRate);
        Assert.Equal(Today.AddDays(10), forecast.RunsOutOn);
    }
}
