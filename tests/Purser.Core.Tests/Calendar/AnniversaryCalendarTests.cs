using Purser.Core.Calendar;

namespace Purser.Core.Tests.Calendar;

public class AnniversaryCalendarTests
{
    private static BillingPeriod P(DateOnly start, DateOnly end) => new(start, end);

    [Fact]
    public void Periods_run_from_one_billing_date_to_the_day_before_the_next()
    {
        var period = AnniversaryCalendar.OnDay(15).PeriodContaining(new DateOnly(2017, 8, 1));

        Assert.Equal(P(new(2017, 7, 15), new(2017, 8, 14)), period);
        Assert.Equal(31, period.Days);
    }

    [Theory]
    [InlineData(2017, 2, 28)]
    [InlineData(2016, 2, 29)]
    [InlineData(2100, 2, 28)]
    [InlineData(2000, 2, 29)]
    public void Billing_day_31_clamps_to_the_end_of_february(int year, int month, int expectedDay)
    {
        var calendar = AnniversaryCalendar.OnDay(31);

        var january = calendar.PeriodContaining(new DateOnly(year, 1, 31));
        var february = calendar.Next(january);

        Assert.Equal(new DateOnly(year, month, expectedDay), february.Start);
        Assert.Equal(new DateOnly(year, 1, 31), january.Start);
        Assert.Equal(new DateOnly(year, 3, 30), february.End);
        Assert.Equal(new DateOnly(year, 3, 31), calendar.Next(february).Start);
    }

    [Theory]
    [InlineData(29, 2017, 28)]
    [InlineData(29, 2016, 29)]
    [InlineData(30, 2016, 29)]
    public void Billing_days_29_and_30_clamp_in_february(int billingDay, int year, int expectedDay) =>
        Assert.Equal(new DateOnly(year, 2, expectedDay), AnniversaryCalendar.OnDay(billingDay).BillingDateInMonthOf(new DateOnly(year, 2, 1)));

    [Fact]
    public void Billing_day_31_in_a_30_day_month_bills_on_the_30th()
    {
        var calendar = AnniversaryCalendar.OnDay(31);

        var april = calendar.PeriodContaining(new DateOnly(2017, 4, 30));

        Assert.Equal(P(new(2017, 4, 30), new(2017, 5, 30)), april);
        Assert.True(calendar.IsBillingDate(new DateOnly(2017, 4, 30)));
        Assert.False(calendar.IsBillingDate(new DateOnly(2017, 5, 30)));
    }

    [Fact]
    public void A_day_before_this_months_billing_date_belongs_to_last_months_period() =>
        Assert.Equal(P(new(2016, 12, 15), new(2017, 1, 14)), AnniversaryCalendar.OnDay(15).PeriodContaining(new DateOnly(2017, 1, 14)));

    [Fact]
    public void Consecutive_periods_tile_the_calendar_without_gaps_or_overlaps()
    {
        foreach (var day in new[] { 1, 15, 28, 29, 30, 31 })
        {
            var periods = AnniversaryCalendar.OnDay(day).PeriodsFrom(new DateOnly(2015, 12, 20)).Take(60).ToList();
            for (var i = 1; i < periods.Count; i++)
                Assert.Equal(periods[i - 1].NextStart, periods[i].Start);
            Assert.Equal(periods[^1].End.DayNumber - periods[0].Start.DayNumber + 1, periods.Sum(p => p.Days));
        }
    }

    [Fact]
    public void The_free_period_runs_from_the_start_to_the_day_before_the_first_billing_date()
    {
        var calendar = AnniversaryCalendar.OnDay(15);

        Assert.Equal(P(new(2017, 6, 3), new(2017, 6, 14)), calendar.FreePeriodBefore(new DateOnly(2017, 6, 3)));
        Assert.Equal(P(new(2017, 6, 20), new(2017, 7, 14)), calendar.FreePeriodBefore(new DateOnly(2017, 6, 20)));
        Assert.Null(calendar.FreePeriodBefore(new DateOnly(2017, 6, 15)));
    }

    [Fact]
    public void Invalid_billing_days_and_backward_periods_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BillingDay(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BillingDay(32));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BillingPeriod(new(2017, 2, 2), new(2017, 2, 1)));
        Assert.Throws<ArgumentException>(() => AnniversaryCalendar.OnDay(15).PeriodStartingOn(new DateOnly(2017, 2, 16)));
    }
}
