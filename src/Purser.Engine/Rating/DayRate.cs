using Purser.Core.Calendar;
using Purser.Core.Monetary;
using Purser.Core.Rating;

namespace Purser.Engine.Rating;

/// <summary>
/// The unit price of one day of a subscription's usage on a meter, by the anchor rule. The day
/// is priced at its start, or at the subscription's creation when it was created that day:
/// usage cannot be older than the subscription, and a meter priced later that day has no price at midnight.
/// </summary>
public static class DayRate
{
    public static Money? For(PriceSchedule schedule, AnniversaryCalendar calendar, BillingTimeZone zone, DateTimeOffset subscriptionCreated, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(zone);
        var cycle = calendar.PeriodContaining(day);
        var dayStart = zone.StartOf(day);
        var usageAt = dayStart > subscriptionCreated ? dayStart : subscriptionCreated;
        return AnchoredRate.For(schedule, zone.StartOf(cycle.Start), subscriptionCreated, usageAt);
    }
}
