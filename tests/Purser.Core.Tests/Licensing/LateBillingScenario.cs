using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Purser.Core.Calendar;
using Purser.Core.Licensing;
using Purser.Core.Monetary;
using Purser.Core.Rating;

namespace Purser.Core.Tests.Licensing;

/// <summary>A seat change with effect <paramref name="EffectiveOn"/>, learnt on <paramref name="RecordedOn"/>.</summary>
public readonly record struct LateSeatChange(DateOnly EffectiveOn, int Seats, DateOnly RecordedOn);

/// <summary>A cancellation with effect <paramref name="EffectiveOn"/>, learnt on <paramref name="RecordedOn"/>.</summary>
public readonly record struct LateCancellation(DateOnly EffectiveOn, DateOnly RecordedOn);

/// <summary>
/// A license subscription on a random billing day (1–31, so 29–31 clamp), start, price (sometimes
/// changing once) and seat timeline, optionally cancelled; the subscription itself and each fact
/// about it are learnt on a random day, before or well after the close of the period they affect.
/// A close held on a billing date knows what was recorded on an earlier day.
/// </summary>
public sealed record LateBillingScenario(
    LicenseSubscription Started,
    DateOnly RecordedOn,
    ImmutableArray<LateSeatChange> Changes,
    LateCancellation? Cancellation)
{
    public LicenseSubscription Final => Known(_ => true)!;

    public LicenseSubscription? KnownAt(DateOnly billingDate) => RecordedOn >= billingDate ? null : Known(recorded => recorded < billingDate);

    /// <summary>The last day anything was learnt or took effect.</summary>
    public DateOnly LastFact =>
        new[] { RecordedOn, Started.StartedOn }
            .Concat(Changes.SelectMany(c => new[] { c.EffectiveOn, c.RecordedOn }))
            .Concat(Cancellation is { } x ? [x.EffectiveOn, x.RecordedOn] : [])
            .Max();

    /// <summary>Every billing date from the subscription's first to a few months after the last fact.</summary>
    public ImmutableArray<DateOnly> BillingDates()
    {
        var dates = ImmutableArray.CreateBuilder<DateOnly>();
        var calendar = Started.Calendar;
        for (var date = Started.FirstBillingDate; date <= LastFact.AddMonths(3); date = calendar.PeriodStartingOn(date).NextStart)
            dates.Add(date);
        return dates.ToImmutable();
    }

    // Facts apply in effect order whatever order they were learnt in, so what a close knows is
    // always a subscription the commands accept (a seat change is refused once cancelled).
    private LicenseSubscription? Known(Func<DateOnly, bool> learnt)
    {
        var subscription = Started;
        foreach (var change in Changes.Where(c => learnt(c.RecordedOn)))
            subscription = subscription.ChangeSeats(change.EffectiveOn, change.Seats).Value;
        if (Cancellation is { } cancellation && learnt(cancellation.RecordedOn))
            subscription = subscription.Cancel(cancellation.EffectiveOn).Value;
        return subscription;
    }

    public override string ToString() =>
        $"day {Started.Calendar.BillingDay} start {Started.StartedOn:O} (recorded {RecordedOn:O}) prices [{string.Join(", ", Started.Prices.Schedule.Versions.Select(v => $"{v.UnitPrice}@{v.EffectiveFrom:yyyy-MM-dd}"))}] " +
        $"seats {Started.Seats.SeatsOn(Started.StartedOn)} [{string.Join(", ", Changes.Select(c => $"{c.EffectiveOn:O}:{c.Seats} (rec {c.RecordedOn:O})"))}] " +
        $"cancel {(Cancellation is { } x ? $"{x.EffectiveOn:O} (rec {x.RecordedOn:O})" : "none")}";

    public static Arbitrary<LateBillingScenario> Arbitrary()
    {
        // Offsets in days from the start. A fact is recorded up to 20 days before it takes effect
        // (never before the start) or up to ~4 months after, well past the close it affects.
        var delay = Gen.Frequency((2, Gen.Choose(-20, 0)), (3, Gen.Choose(0, 40)), (2, Gen.Choose(30, 130)));
        var change =
            from offset in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(0, 200)))
            from seats in Gen.Choose(1, 60)
            from late in delay
            select (offset, seats, late);
        var price =
            from cents in Gen.Choose(1, 100_000)
            from changes in Gen.Elements(false, true)
            from newCents in Gen.Choose(1, 100_000)
            from changeOffset in Gen.Choose(-40, 200)
            from shanghai in Gen.Elements(false, true)
            select (cents, changes ? (newCents, changeOffset) : ((int, int)?)null, shanghai);
        var gen =
            from billingDay in Gen.Frequency((3, Gen.Choose(1, 31)), (2, Gen.Choose(28, 31)))
            from year in Gen.Choose(2016, 2030)
            from dayOfYear in Gen.Choose(0, 364)
            from recordedAfterStart in Gen.Frequency((3, Gen.Choose(-10, 0)), (1, Gen.Choose(0, 45)))
            from prices in price
            from initialSeats in Gen.Choose(1, 60)
            from changes in Gen.Choose(0, 6).SelectMany(n => change.ArrayOf(n))
            from cancelled in Gen.Frequency((1, Gen.Constant(false)), (1, Gen.Constant(true)))
            from cancelOffset in Gen.Frequency((1, Gen.Constant(0)), (8, Gen.Choose(0, 250)))
            from cancelLate in delay
            select Build(billingDay, new DateOnly(year, 1, 1).AddDays(dayOfYear), recordedAfterStart, prices, initialSeats, changes, cancelled ? (cancelOffset, cancelLate) : null);
        return gen.ToArbitrary();
    }

    private static LateBillingScenario Build(
        int billingDay,
        DateOnly start,
        int recordedAfterStart,
        (int Cents, (int Cents, int Offset)? Change, bool Shanghai) price,
        int initialSeats,
        (int Offset, int Seats, int Late)[] changes,
        (int Offset, int Late)? cancellation)
    {
        var calendar = AnniversaryCalendar.OnDay(billingDay);
        var subscription = LicenseSubscription.Start(start, calendar, Prices(start, price), initialSeats);
        var cancel = cancellation is { } c ? new LateCancellation(start.AddDays(c.Offset), Recorded(start, start.AddDays(c.Offset), c.Late)) : (LateCancellation?)null;
        var kept = changes
            .Select(x => new LateSeatChange(start.AddDays(x.Offset), x.Seats, Recorded(start, start.AddDays(x.Offset), x.Late)))
            // A seat change on or after the cancellation (other than the start's own count) is refused by Cancel.
            .Where(x => cancel is not { } end || x.EffectiveOn < end.EffectiveOn || x.EffectiveOn == start)
            .OrderBy(x => x.EffectiveOn)
            .ToImmutableArray();
        return new LateBillingScenario(subscription, start.AddDays(recordedAfterStart), kept, cancel);
    }

    private static DateOnly Recorded(DateOnly start, DateOnly effectiveOn, int late)
    {
        var recorded = effectiveOn.AddDays(late);
        return recorded < start ? start : recorded;
    }

    private static SeatPrices Prices(DateOnly start, (int Cents, (int Cents, int Offset)? Change, bool Shanghai) price)
    {
        var first = new Money(price.Cents / 100m, Currency.USD);
        if (price.Change is not { } change)
            return SeatPrices.Fixed(first);
        var zone = price.Shanghai ? BillingTimeZone.Resolve("Asia/Shanghai") : BillingTimeZone.Utc;
        // Mid-day, so the change falls inside a month and the month-start rule decides its price.
        var effective = zone.StartOf(start.AddDays(change.Offset)).AddHours(13);
        var schedule = PriceSchedule.Empty
            .Announce(new PriceVersion(first, DateTimeOffset.MinValue, DateTimeOffset.MinValue)).Value
            .Announce(new PriceVersion(new Money(change.Cents / 100m, Currency.USD), effective, effective.AddDays(-60))).Value;
        return SeatPrices.Of(schedule, zone);
    }
}
