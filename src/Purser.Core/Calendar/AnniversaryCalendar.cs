namespace Purser.Core.Calendar;

/// <summary>
/// Monthly billing periods anchored on a <see cref="BillingDay"/>: each period runs from one
/// billing date up to the day before the next, so 7/15–8/14 with a billing day of 15.
/// </summary>
public sealed record AnniversaryCalendar(BillingDay BillingDay)
{
    public static AnniversaryCalendar OnDay(int day) => new(new BillingDay(day));

    /// <summary>The billing date of the month <paramref name="day"/> falls in.</summary>
    public DateOnly BillingDateInMonthOf(DateOnly day) => BillingDay.In(day.Year, day.Month);

    public bool IsBillingDate(DateOnly day) => BillingDateInMonthOf(day) == day;

    /// <summary>The earliest billing date on or after <paramref name="day"/>.</summary>
    public DateOnly BillingDateOnOrAfter(DateOnly day)
    {
        var thisMonth = BillingDateInMonthOf(day);
        return thisMonth >= day ? thisMonth : BillingDateInNextMonth(day);
    }

    /// <summary>
    /// The free days between a license subscription's start and its first billing date
    /// (R-LIC-NEW), or null when it starts on a billing date and bills a full month at once.
    /// </summary>
    public BillingPeriod? FreePeriodBefore(DateOnly subscriptionStart)
    {
        var firstBillingDate = BillingDateOnOrAfter(subscriptionStart);
        return firstBillingDate == subscriptionStart ? null : new BillingPeriod(subscriptionStart, firstBillingDate.AddDays(-1));
    }

    public BillingPeriod PeriodContaining(DateOnly day)
    {
        var thisMonth = BillingDateInMonthOf(day);
        var start = thisMonth <= day ? thisMonth : BillingDateInMonthOf(FirstOfMonth(day).AddMonths(-1));
        return PeriodStartingOn(start);
    }

    /// <summary>The period that begins on <paramref name="billingDate"/>, which must be a billing date.</summary>
    public BillingPeriod PeriodStartingOn(DateOnly billingDate)
    {
        if (!IsBillingDate(billingDate))
            throw new ArgumentException($"{billingDate:O} is not a billing date for billing day {BillingDay}.", nameof(billingDate));
        return new BillingPeriod(billingDate, BillingDateInNextMonth(billingDate).AddDays(-1));
    }

    public BillingPeriod Next(BillingPeriod period) => PeriodStartingOn(period.NextStart);

    /// <summary>The consecutive periods from the one containing <paramref name="from"/>, without end.</summary>
    public IEnumerable<BillingPeriod> PeriodsFrom(DateOnly from)
    {
        for (var period = PeriodContaining(from); ; period = Next(period))
            yield return period;
    }

    private DateOnly BillingDateInNextMonth(DateOnly day) => BillingDateInMonthOf(FirstOfMonth(day).AddMonths(1));

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
}
