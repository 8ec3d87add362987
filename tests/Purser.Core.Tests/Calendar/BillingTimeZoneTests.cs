using Purser.Core.Calendar;

namespace Purser.Core.Tests.Calendar;

public class BillingTimeZoneTests
{
    [Fact]
    public void An_instant_late_in_the_utc_day_is_the_next_billing_day_in_china()
    {
        var instant = new DateTimeOffset(2017, 7, 14, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2017, 7, 15), BillingTimeZone.ChinaStandardTime.DayOf(instant));
        Assert.Equal(new DateOnly(2017, 7, 14), BillingTimeZone.Utc.DayOf(instant));
    }

    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("+08:00")]
    [InlineData("UTC+8")]
    [InlineData("UTC+08:00")]
    public void Shanghai_resolves_by_iana_id_or_fixed_offset(string id)
    {
        Assert.True(BillingTimeZone.TryResolve(id, out var zone));

        Assert.Equal(new DateTimeOffset(2017, 7, 15, 0, 0, 0, TimeSpan.FromHours(8)), zone.StartOf(new DateOnly(2017, 7, 15)));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("+15:00")]
    [InlineData("UTC+8:75")]
    [InlineData("")]
    public void Unknown_zones_do_not_resolve(string id) => Assert.False(BillingTimeZone.TryResolve(id, out _));

    [Fact]
    public void Months_are_added_on_the_local_calendar_and_clamp_to_the_month_end()
    {
        var zone = BillingTimeZone.ChinaStandardTime;
        var leapDay = new DateTimeOffset(2016, 2, 29, 10, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2017, 2, 28, 10, 0, 0, TimeSpan.FromHours(8)), zone.AddMonths(leapDay, 12));
        // 31 Jan 23:00 UTC is already 1 Feb in China, so one month later is 1 March there.
        Assert.Equal(new DateOnly(2017, 3, 1), zone.DayOf(zone.AddMonths(new DateTimeOffset(2017, 1, 31, 23, 0, 0, TimeSpan.Zero), 1)));
    }

    [Fact]
    public void Daylight_saving_zones_count_local_days()
    {
        var berlin = BillingTimeZone.Resolve("Europe/Berlin");

        var start = berlin.StartOf(new DateOnly(2017, 3, 26));
        var next = berlin.StartOf(new DateOnly(2017, 3, 27));

        Assert.Equal(TimeSpan.FromHours(23), next - start);
    }
}
