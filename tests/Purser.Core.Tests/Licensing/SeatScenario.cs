using FsCheck;
using FsCheck.Fluent;
using Purser.Core.Calendar;
using Purser.Core.Licensing;
using Purser.Core.Monetary;

namespace Purser.Core.Tests.Licensing;

/// <summary>
/// A license subscription with a random seat timeline around one of its months, on a random
/// billing day and year, optionally cancelled inside that month after its last seat change.
/// </summary>
public sealed record SeatScenario(LicenseSubscription Subscription, BillingPeriod Month)
{
    public override string ToString() =>
        $"{Month} price {Subscription.Prices.For(Month)} started {Subscription.StartedOn:O} seats " +
        $"[{string.Join(", ", Subscription.Seats.Changes.Select(c => $"{c.EffectiveOn:MM-dd}:{c.Seats}"))}] ends {Subscription.EndsOn:O}";

    public static Arbitrary<SeatScenario> Arbitrary()
    {
        var change = Gen.Choose(-40, 31).SelectMany(_ => Gen.Choose(1, 60), (offset, seats) => (offset, seats));
        var gen =
            from billingDay in Gen.Choose(1, 31)
            from year in Gen.Choose(2016, 2030)
            from month in Gen.Choose(1, 12)
            from startBefore in Gen.Choose(1, 400)
            from priceCents in Gen.Choose(1, 100_000)
            from initialSeats in Gen.Choose(1, 60)
            from changes in change.ArrayOf()
            from cancelOffset in Gen.Choose(-10, 31)
            select Build(billingDay, year, month, startBefore, priceCents, initialSeats, changes, cancelOffset);
        return gen.ToArbitrary();
    }

    private static SeatScenario Build(int billingDay, int year, int month, int startBefore, int priceCents, int initialSeats, (int Offset, int Seats)[] changes, int cancelOffset)
    {
        var calendar = AnniversaryCalendar.OnDay(billingDay);
        var period = calendar.PeriodStartingOn(calendar.BillingDateInMonthOf(new DateOnly(year, month, 1)));
        var subscription = LicenseSubscription.Start(period.Start.AddDays(-startBefore), calendar, new Money(priceCents / 100m, Currency.USD), initialSeats);
        foreach (var (offset, seats) in changes.Where(c => c.Offset < period.Days))
        {
            var changed = subscription.ChangeSeats(period.Start.AddDays(offset), seats);
            subscription = changed.IsAccepted ? changed.Value : subscription;
        }
        // A negative offset means the subscription runs on past the month.
        if (cancelOffset > 0 && cancelOffset < period.Days)
        {
            var cancelled = subscription.Cancel(period.Start.AddDays(cancelOffset));
            subscription = cancelled.IsAccepted ? cancelled.Value : subscription;
        }
        return new SeatScenario(subscription, period);
    }
}
