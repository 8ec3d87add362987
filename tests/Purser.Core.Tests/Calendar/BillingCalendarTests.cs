using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Purser.Core.Calendar;

namespace Purser.Core.Tests.Calendar;

/// <summary>R-CALENDAR: a billing profile's periods are cut from local days in its own time zone.</summary>
public class BillingCalendarTests
{
    private static readonly BillingCalendar Shanghai15 = BillingCalendar.Of("Asia/Shanghai", 15);
    private static readonly BillingCalendar LosAngeles15 = BillingCalendar.Of("America/Los_Angeles", 15);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static BillingPeriod P(DateOnly start, DateOnly end) => new(start, end);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static TheoryData<string, int> LocalMidnightOf715 => new()
    {
        // 2017-07-15 00:00 local, in UTC hours of 7/14 (Shanghai, UTC+8) or 7/15 (Los Angeles, PDT = UTC−7).
        { "Asia/Shanghai", -8 },
        { "America/Los_Angeles", 7 },
    };

    [Theory]
    [MemberData(nameof(LocalMidnightOf715))]
    public void Minutes_either_side_of_local_midnight_on_a_billing_date_fall_in_the_periods_either_side(string zone, int utcHourOfMidnight)
    {
        var calendar = BillingCalendar.Of(zone, 15);
        var midnight = Utc(2017, 7, 15, 0).AddHours(utcHourOfMidnight);
        var june = P(D(2017, 6, 15), D(2017, 7, 14));
        var july = P(D(2017, 7, 15), D(2017, 8, 14));

        Assert.Equal(midnight, calendar.StartOf(D(2017, 7, 15)));
        Assert.Equal(midnight, calendar.ClosesAt(june));
        Assert.Equal(D(2017, 7, 14), calendar.DayOf(midnight.AddMinutes(-1)));
        Assert.Equal(june, calendar.PeriodOf(midnight.AddMinutes(-1)));
        Assert.Equal(june, calendar.PeriodOf(midnight.AddTicks(-1)));
        Assert.Equal(D(2017, 7, 15), calendar.DayOf(midnight));
        Assert.Equal(july, calendar.PeriodOf(midnight));
        Assert.Equal(july, calendar.PeriodOf(midnight.AddMinutes(1)));
    }

    [Fact]
    public void The_same_instant_is_in_different_periods_in_shanghai_and_los_angeles()
    {
        // 7/14 20:00 UTC is 7/15 04:00 in Shanghai and 7/14 13:00 in Los Angeles; a UTC day would say 7/14 for both.
        var instant = Utc(2017, 7, 14, 20);

        Assert.Equal(P(D(2017, 7, 15), D(2017, 8, 14)), Shanghai15.PeriodOf(instant));
        Assert.Equal(P(D(2017, 6, 15), D(2017, 7, 14)), LosAngeles15.PeriodOf(instant));
    }

    [Theory]
    [MemberData(nameof(LocalMidnightOf715))]
    public void A_period_is_over_exactly_from_local_midnight_of_the_next_billing_date(string zone, int utcHourOfMidnight)
    {
        var calendar = BillingCalendar.Of(zone, 15);
        var june = P(D(2017, 6, 15), D(2017, 7, 14));
        var midnight = Utc(2017, 7, 15, 0).AddHours(utcHourOfMidnight);

        Assert.False(calendar.IsOver(june, midnight.AddMinutes(-1)));
        Assert.False(calendar.IsOver(june, midnight.AddTicks(-1)));
        Assert.True(calendar.IsOver(june, midnight));
        Assert.True(calendar.IsOver(june, midnight.AddMinutes(1)));
        // Midnight on the UTC clock is not the profile's midnight: 8 hours past it in Shanghai, 7 hours short of it in Los Angeles.
        Assert.Equal(utcHourOfMidnight < 0, calendar.IsOver(june, Utc(2017, 7, 15, 0)));
    }

    [Fact]
    public void Billing_day_31_clamps_month_by_month()
    {
        var calendar = BillingCalendar.Of("Asia/Shanghai", 31);

        Assert.Equal(P(D(2017, 1, 31), D(2017, 2, 27)), calendar.PeriodOfMonth(2017, 1));
        Assert.Equal(P(D(2017, 2, 28), D(2017, 3, 30)), calendar.PeriodOfMonth(2017, 2));
        Assert.Equal(P(D(2017, 3, 31), D(2017, 4, 29)), calendar.PeriodOfMonth(2017, 3));
        Assert.Equal(P(D(2017, 4, 30), D(2017, 5, 30)), calendar.PeriodOfMonth(2017, 4));
        Assert.Equal(P(D(2017, 5, 31), D(2017, 6, 29)), calendar.PeriodOfMonth(2017, 5));
        Assert.Equal(P(D(2017, 4, 30), D(2017, 5, 30)), calendar.PeriodContaining(D(2017, 5, 30)));
        Assert.Equal(P(D(2017, 5, 31), D(2017, 6, 29)), calendar.PeriodContaining(D(2017, 5, 31)));
        Assert.Equal(P(D(2016, 2, 29), D(2016, 3, 30)), calendar.PeriodOfMonth(2016, 2));
    }

    [Fact]
    public void A_month_names_the_period_whose_billing_date_falls_in_it()
    {
        Assert.Equal(P(D(2017, 7, 15), D(2017, 8, 14)), Shanghai15.PeriodOfMonth(2017, 7));
        Assert.Equal(P(D(2017, 12, 15), D(2018, 1, 14)), Shanghai15.PeriodOfMonth(2017, 12));
        Assert.Equal(P(D(2017, 7, 1), D(2017, 7, 31)), BillingCalendar.Of("UTC", 1).PeriodOfMonth(2017, 7));
    }

    [Theory]
    [InlineData("2017-07", true, 2017, 7)]
    [InlineData("2017-12", true, 2017, 12)]
    [InlineData("2017-13", false, 0, 0)]
    [InlineData("2017-07-15", false, 0, 0)]
    [InlineData("July 2017", false, 0, 0)]
    [InlineData("", false, 0, 0)]
    [InlineData(null, false, 0, 0)]
    public void Months_parse_as_yyyy_MM(string? text, bool parses, int year, int month)
    {
        Assert.Equal(parses, BillingCalendar.TryParseMonth(text, out var y, out var m));
        Assert.Equal((year, month), (y, m));
    }

    [Fact]
    public void The_last_period_over_is_the_one_before_the_period_now_is_in()
    {
        var midnight = LosAngeles15.StartOf(D(2017, 7, 15));

        Assert.Equal(P(D(2017, 6, 15), D(2017, 7, 14)), LosAngeles15.LastPeriodOverAt(midnight));
        Assert.Equal(P(D(2017, 6, 15), D(2017, 7, 14)), LosAngeles15.LastPeriodOverAt(midnight.AddDays(20)));
        Assert.Equal(P(D(2017, 5, 15), D(2017, 6, 14)), LosAngeles15.LastPeriodOverAt(midnight.AddTicks(-1)));
        // 7/15 03:00 UTC is already 7/15 in Shanghai but still 7/14 in Los Angeles.
        Assert.Equal(P(D(2017, 6, 15), D(2017, 7, 14)), Shanghai15.LastPeriodOverAt(Utc(2017, 7, 15, 3)));
        Assert.Equal(P(D(2017, 5, 15), D(2017, 6, 14)), LosAngeles15.LastPeriodOverAt(Utc(2017, 7, 15, 3)));
    }

    [Fact]
    public void Across_the_spring_daylight_saving_jump_in_los_angeles_periods_still_turn_at_local_midnight()
    {
        // 2017-03-12: 02:00 PST jumps to 03:00 PDT; the day has 23 hours. Billing day 12.
        var calendar = BillingCalendar.Of("America/Los_Angeles", 12);
        var february = P(D(2017, 2, 12), D(2017, 3, 11));
        var march = P(D(2017, 3, 12), D(2017, 4, 11));

        Assert.Equal(Utc(2017, 3, 12, 8), calendar.ClosesAt(february));
        Assert.Equal(Utc(2017, 4, 12, 7), calendar.ClosesAt(march));
        Assert.Equal(TimeSpan.FromHours(23), calendar.StartOf(D(2017, 3, 13)) - calendar.StartOf(D(2017, 3, 12)));
        Assert.Equal(february, calendar.PeriodOf(Utc(2017, 3, 12, 7, 59)));
        Assert.Equal(march, calendar.PeriodOf(Utc(2017, 3, 12, 8, 1)));
        Assert.Equal(D(2017, 3, 12), calendar.DayOf(Utc(2017, 3, 12, 10)));
        Assert.False(calendar.IsOver(february, Utc(2017, 3, 12, 8).AddTicks(-1)));
        Assert.True(calendar.IsOver(february, Utc(2017, 3, 12, 8)));
        Assert.False(calendar.IsOver(march, Utc(2017, 4, 12, 7).AddTicks(-1)));
        Assert.True(calendar.IsOver(march, Utc(2017, 4, 12, 7)));
    }

    [Fact]
    public void Across_the_autumn_daylight_saving_fall_back_in_los_angeles_the_repeated_hour_stays_on_its_day()
    {
        // 2017-11-05: 02:00 PDT falls back to 01:00 PST; 01:30 happens twice; the day has 25 hours. Billing day 5.
        var calendar = BillingCalendar.Of("America/Los_Angeles", 5);
        var october = P(D(2017, 10, 5), D(2017, 11, 4));
        var november = P(D(2017, 11, 5), D(2017, 12, 4));

        Assert.Equal(Utc(2017, 11, 5, 7), calendar.ClosesAt(october));
        Assert.Equal(Utc(2017, 12, 5, 8), calendar.ClosesAt(november));
        Assert.Equal(TimeSpan.FromHours(25), calendar.StartOf(D(2017, 11, 6)) - calendar.StartOf(D(2017, 11, 5)));
        Assert.Equal(october, calendar.PeriodOf(Utc(2017, 11, 5, 6, 59)));
        Assert.Equal(november, calendar.PeriodOf(Utc(2017, 11, 5, 7, 1)));
        Assert.Equal(november, calendar.PeriodOf(Utc(2017, 11, 5, 8, 30)));
        Assert.Equal(november, calendar.PeriodOf(Utc(2017, 11, 5, 9, 30)));
        Assert.True(calendar.IsOver(october, Utc(2017, 11, 5, 7)));
        Assert.False(calendar.IsOver(october, Utc(2017, 11, 5, 7).AddTicks(-1)));
    }

    [Fact]
    public void A_billing_date_whose_local_midnight_is_skipped_starts_at_its_first_real_instant()
    {
        // São Paulo, 2017-10-15: 00:00 −03 jumped to 01:00 −02, so the day began at 03:00 UTC.
        var calendar = BillingCalendar.Of("America/Sao_Paulo", 15);
        var september = P(D(2017, 9, 15), D(2017, 10, 14));

        Assert.Equal(Utc(2017, 10, 15, 3), calendar.ClosesAt(september));
        Assert.Equal(D(2017, 10, 14), calendar.DayOf(Utc(2017, 10, 15, 3).AddTicks(-1)));
        Assert.Equal(D(2017, 10, 15), calendar.DayOf(Utc(2017, 10, 15, 3)));
        Assert.False(calendar.IsOver(september, Utc(2017, 10, 15, 3).AddTicks(-1)));
        Assert.True(calendar.IsOver(september, Utc(2017, 10, 15, 3)));
    }

    [Fact]
    public void A_billing_date_whose_local_midnight_happens_twice_starts_at_the_first()
    {
        // Havana, 2017-11-05: 01:00 CDT (−04) fell back to 00:00 CST (−05), so 00:00–00:59 happened twice and the
        // day began at 04:00 UTC. A usage at 04:30 UTC is on 11/5, so the period up to 11/4 must already be over.
        var calendar = BillingCalendar.Of("America/Havana", 5);
        var october = P(D(2017, 10, 5), D(2017, 11, 4));

        Assert.Equal(D(2017, 11, 5), calendar.DayOf(Utc(2017, 11, 5, 4, 30)));
        Assert.Equal(Utc(2017, 11, 5, 4), calendar.ClosesAt(october));
        Assert.True(calendar.IsOver(october, Utc(2017, 11, 5, 4, 30)));
        Assert.Equal(D(2017, 11, 4), calendar.DayOf(Utc(2017, 11, 5, 4).AddTicks(-1)));
    }

    [Fact]
    public void Unknown_zones_and_invoice_days_are_refused()
    {
        Assert.Throws<ArgumentException>(() => BillingCalendar.Of("Mars/Olympus_Mons", 15));
        Assert.Throws<ArgumentOutOfRangeException>(() => BillingCalendar.Of("Asia/Shanghai", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BillingCalendar.Of("Asia/Shanghai", 32));
    }

    public sealed record CalendarInstant(string Zone, int BillingDay, DateTimeOffset Instant)
    {
        private static readonly string[] Zones =
            ["Asia/Shanghai", "America/Los_Angeles", "America/Sao_Paulo", "America/Havana", "Asia/Beirut", "Europe/Berlin", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"];

        public static Arbitrary<CalendarInstant> Arbitrary() =>
            (from zone in Gen.Elements(Zones)
             from day in Gen.Choose(1, 31)
             from minutes in Gen.Choose(0, 15 * 366 * 24 * 60)
             // Often right at a local midnight or a few minutes either side of one.
             from nudge in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(-3, 3).Select(m => (int?)m)))
             select Build(zone, day, minutes, nudge)).ToArbitrary();

        private static CalendarInstant Build(string zone, int day, int minutes, int? nudge)
        {
            var instant = new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minutes);
            if (nudge is { } m)
            {
                var tz = BillingTimeZone.Resolve(zone);
                instant = tz.StartOf(tz.DayOf(instant)).AddMinutes(m);
            }
            return new(zone, day, instant);
        }
    }

    [Property(Arbitrary = [typeof(CalendarInstant)], MaxTest = 3000)]
    public void An_instant_is_on_the_local_day_that_has_started_and_not_ended_and_its_period_is_over_exactly_when_it_closes(CalendarInstant sample)
    {
        var calendar = BillingCalendar.Of(sample.Zone, sample.BillingDay);
        var now = sample.Instant;
        var day = calendar.DayOf(now);
        var period = calendar.PeriodOf(now);

        Assert.True(calendar.StartOf(day) <= now, $"{now:O} is on {day:O}, which starts at {calendar.StartOf(day):O}.");
        Assert.True(now < calendar.StartOf(day.AddDays(1)), $"{now:O} is on {day:O}, whose next day starts at {calendar.StartOf(day.AddDays(1)):O}.");
        Assert.Equal(day, calendar.DayOf(calendar.StartOf(day)));
        Assert.True(period.Contains(day));
        Assert.False(calendar.IsOver(period, now));
        var last = calendar.LastPeriodOverAt(now);
        Assert.Equal(period.Start, last.NextStart);
        Assert.True(calendar.IsOver(last, now));
        Assert.Equal(period, calendar.PeriodOf(calendar.ClosesAt(last)));
        Assert.Equal(last, calendar.PeriodOf(calendar.ClosesAt(last).AddTicks(-1)));
    }
}
