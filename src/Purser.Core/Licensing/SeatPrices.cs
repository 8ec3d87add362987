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
    private readonly PriceSchedule? _schedule;
    private readonly BillingTimeZone _zone;
    private readonly Money? _fixed;

    private SeatPrices(PriceSchedule? schedule, BillingTimeZone zone, Money? fixedPrice, Currency currency) =>
        (_schedule, _zone, _fixed, Currency) = (schedule, zone, fixedPrice, currency);

    public Currency Currency { get; }

    public static SeatPrices Of(PriceSchedule schedule, BillingTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Versions.IsEmpty)
            throw new ArgumentException("A license product needs a price.", nameof(schedule));
        return new(schedule, zone, null, schedule.Versions[0].UnitPrice.Currency);
    }

    public static SeatPrices Fixed(Money monthlyPrice) => new(null, BillingTimeZone.Utc, monthlyPrice, monthlyPrice.Currency);

    /// <summary>A month that starts before the product's first price (an onboarded history) takes that first price.</summary>
    public Money For(BillingPeriod month) =>
        _fixed ?? _schedule!.RateAt(_zone.StartOf(month.Start)) ?? _schedule.Versions[0].UnitPrice;
}
