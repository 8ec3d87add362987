using System.Collections.Immutable;
using Purser.Core.Calendar;
using Purser.Core.Invoicing;
using Purser.Core.Monetary;

namespace Purser.Core.Licensing;

/// <summary>
/// The line items a license-based subscription puts in a reconciliation file (R-LIC-*).
/// Months bill ahead: each close charges the next month's prepaid seats and settles the month
/// that ended against what it really used.
/// </summary>
public static class LicenseStatement
{
    /// <summary>
    /// Lines due the day the subscription starts: nothing during a free period, or the first
    /// month's prepaid charge when the start is itself a billing date.
    /// </summary>
    public static ImmutableArray<LineItem> AtStart(LicenseSubscription subscription) =>
        subscription.FreePeriod is null && subscription.EndsOn != subscription.StartedOn
            ? [Prepaid(subscription, subscription.Calendar.PeriodStartingOn(subscription.StartedOn))]
            : [];

    /// <summary>Lines produced when <paramref name="period"/>, one of the subscription's periods, closes.</summary>
    public static ImmutableArray<LineItem> AtClose(LicenseSubscription subscription, BillingPeriod period)
    {
        if (subscription.PeriodClosingOn(period.NextStart) != period)
            throw new ArgumentException($"{period} is not a billing period of a subscription started {subscription.StartedOn:O}.", nameof(period));
        if (subscription.EndsOn is { } ends && ends <= period.Start)
            return [];
        return period == subscription.FreePeriod ? CloseFreePeriod(subscription, period) : CloseMonth(subscription, period);
    }

    // R-LIC-NEW, R-LIC-FREECHANGE, R-LIC-CANCELFREE.
    private static ImmutableArray<LineItem> CloseFreePeriod(LicenseSubscription subscription, BillingPeriod free)
    {
        if (subscription.EndsOn is { } ends && ends <= free.NextStart)
            return [];
        var lines = ImmutableArray.CreateBuilder<LineItem>();
        var segments = subscription.Seats.Segments(free);
        if (segments.Length > 1)
        {
            var zero = Money.Zero(subscription.Prices.Currency);
            foreach (var segment in segments)
                lines.Add(LineItem.Create(ChargeType.Prorated, zero, segment.Seats, segment.Days, zero));
        }
        lines.Add(Prepaid(subscription, subscription.Calendar.PeriodStartingOn(free.NextStart)));
        return lines.ToImmutable();
    }

    // R-LIC-CHANGE, R-LIC-CANCEL, R-LIC-CANCELCHANGED.
    private static ImmutableArray<LineItem> CloseMonth(LicenseSubscription subscription, BillingPeriod month)
    {
        var lines = ImmutableArray.CreateBuilder<LineItem>();
        var prepaidSeats = subscription.PrepaidSeats(month);
        var used = subscription.Seats.Segments(month);
        if (used.Length != 1 || used[0].Seats != prepaidSeats)
        {
            lines.Add(Reversal(subscription, month, prepaidSeats));
            foreach (var segment in used)
                lines.Add(Prorated(subscription, ChargeType.Prorated, segment, month));
        }
        if (subscription.EndsOn is { } ends && month.Contains(ends))
        {
            foreach (var segment in subscription.Seats.Segments(new BillingPeriod(ends, month.End)))
                lines.Add(Prorated(subscription, ChargeType.CreditForUnusedDays, segment, month));
        }
        else if (subscription.EndsOn != month.NextStart)
        {
            lines.Add(Prepaid(subscription, subscription.Calendar.Next(month)));
        }
        return lines.ToImmutable();
    }

    private static LineItem Prepaid(LicenseSubscription subscription, BillingPeriod month)
    {
        var seats = subscription.PrepaidSeats(month);
        var price = subscription.Prices.For(month);
        return LineItem.Create(ChargeType.Prepaid, price, seats, month, price * seats);
    }

    private static LineItem Reversal(LicenseSubscription subscription, BillingPeriod month, int prepaidSeats)
    {
        var price = subscription.Prices.For(month);
        return LineItem.Create(ChargeType.Reversal, price, prepaidSeats, month, -(price * prepaidSeats));
    }

    private static LineItem Prorated(LicenseSubscription subscription, ChargeType type, SeatSegment segment, BillingPeriod month)
    {
        var price = subscription.Prices.For(month);
        var share = Proration.Share(price, segment.Seats, segment.Days, month);
        return LineItem.Create(type, price, segment.Seats, segment.Days, type.IsCredit() ? -share : share);
    }
}
