using System.Globalization;

namespace Purser.Core.Calendar;

/// <summary>
/// A billing profile's calendar (R-CALENDAR): its time zone turns instants into local days and its
/// invoice day cuts those days into monthly periods. Every date that decides money comes from here,
/// never from a UTC day.
/// </summary>
public sealed record BillingCalendar(BillingTimeZone Zone, AnniversaryCalendar Periods)
{
    public static BillingCalendar Of(string timeZone, int invoiceDay) =>
        new(BillingTimeZone.Resolve(timeZone), AnniversaryCalendar.OnDay(invoiceDay));

    public DateOnly DayOf(DateTimeOffset instant) => Zone.DayOf(instant);

    public DateTimeOffset StartOf(DateOnly day) => Zone.StartOf(day);

    public BillingPeriod PeriodContaining(DateOnly day) => Periods.PeriodContaining(day);

    public BillingPeriod PeriodOf(DateTimeOffset instant) => PeriodContaining(DayOf(instant));

    /// <summary>A period is over once its last local day has ended: at the start of the next billing date.</summary>
    public bool IsOver(BillingPeriod period, DateTimeOffset now) => now >= ClosesAt(period);

    /// <summary>The instant the period's last local day ends; what it closes over happened before this.</summary>
    public DateTimeOffset ClosesAt(BillingPeriod period) => StartOf(period.NextStart);

    /// <summary>The latest period that is over at <paramref name="now"/>.</summary>
    public BillingPeriod LastPeriodOverAt(DateTimeOffset now) => PeriodContaining(PeriodOf(now).Start.AddDays(-1));

    /// <summary>The period whose billing date falls in the month "yyyy-MM" (a period of 7/15–8/14 is "2017-07").</summary>
    public BillingPeriod PeriodOfMonth(int year, int month) => Periods.PeriodStartingOn(Periods.BillingDay.In(year, month));

    public static bool TryParseMonth(string? text, out int year, out int month)
    {
        (year, month) = (0, 0);
        if (!DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            return false;
        (year, month) = (first.Year, first.Month);
        return true;
    }
}
