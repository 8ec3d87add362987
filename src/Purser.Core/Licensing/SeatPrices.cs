using Purser.Core.Calendar;
using Purser.Core.Monetary;
using Purser.Core.Rating;

namespace Purser.Core.Licensing;

/// <summary>
/// The monthly price of a seat, month by month: a month is billed at the price in force when it
/// starts (local midnight of its first day), so a price change never reprices a month already
/// begun (R-PRICE-UP) and a month keeps one price for its prepaid charge, its reversal and its
/// prorated lines alike.
/// </summary>
public sealed record SeatPrices
{
    private SeatPrices(PriceSchedule schedule, BillingTimeZone zone)
    {
        if (schedule.Versions.IsEmpty)
            throw new ArgumentException("A license product needs a price.", nameof(schedule));
        Schedule = schedule;
        Zone = zone;
    }

    public PriceSchedule Schedule { get; }

    public BillingTimeZone Zone { get; }

    public Currency Currency => Schedule.Versions[0].UnitPrice.Currency;

    public static SeatPrices Of(PriceSchedule schedule, BillingTimeZone zone) => new(schedule, zone);

    public static SeatPrices Fixed(Money monthlyPrice) =>
        new(PriceSchedule.Empty.Announce(new PriceVersion(monthlyPrice, DateTimeOffset.MinValue, DateTimeOffset.MinValue)).Value, BillingTimeZone.Utc);

    /// <summary>A month that starts before the product's first price (an onboarded history) takes that first price.</summary>
    public Money For(BillingPeriod month) => Schedule.RateAt(Zone.StartOf(month.Start)) ?? Schedule.Versions[0].UnitPrice;
}
