using Purser.Core.Calendar;
using Purser.Core.Monetary;

namespace Purser.Core.Licensing;

/// <summary>
/// Day-based proration over the real length of the billing period: the daily rate is the
/// monthly price divided by the days in that period (31 for 7/15–8/14, 28 for 2/15–3/14).
/// </summary>
public static class Proration
{
    /// <summary>
    /// The exact, unrounded share of <paramref name="period"/>'s price for <paramref name="days"/>.
    /// Multiplying before dividing keeps the one inexact step last.
    /// </summary>
    public static Money Share(Money monthlyPricePerSeat, int seats, BillingPeriod days, BillingPeriod period)
    {
        if (days.Intersect(period) != days)
            throw new ArgumentException($"Days {days} lie outside the billing period {period}.", nameof(days));
        return new Money(monthlyPricePerSeat.Amount * seats * days.Days / period.Days, monthlyPricePerSeat.Currency);
    }

    public static Money DailyRate(Money monthlyPricePerSeat, BillingPeriod period) => monthlyPricePerSeat / period.Days;
}
