using System.Collections.Immutable;
using Purser.Core.Calendar;

namespace Purser.Core.Licensing;

/// <summary>
/// How many licenses a subscription held on each day since it started. Changes are kept in
/// date order, one per day: a second change on the same day replaces the first.
/// </summary>
public sealed record SeatTimeline
{
    private SeatTimeline(ImmutableArray<SeatChange> changes) => Changes = changes;

    /// <summary>In date order; the first is the start of the subscription.</summary>
    public ImmutableArray<SeatChange> Changes { get; }

    public DateOnly StartedOn => Changes[0].EffectiveOn;

    public static SeatTimeline Starting(DateOnly startedOn, int seats)
    {
        if (seats < 1)
            throw new ArgumentOutOfRangeException(nameof(seats), seats, "A license subscription holds at least one seat.");
        return new([new SeatChange(startedOn, seats)]);
    }

    public Outcome<SeatTimeline> With(SeatChange change)
    {
        if (change.Seats < 1)
            return Outcome<SeatTimeline>.Refuse(RefusalCode.SeatCountInvalid, $"A license subscription holds at least one seat, not {change.Seats}.");
        if (change.EffectiveOn < StartedOn)
            return Outcome<SeatTimeline>.Refuse(RefusalCode.SeatChangeBeforeStart, $"A seat change on {change.EffectiveOn:O} is before the subscription started on {StartedOn:O}.");
        var kept = Changes.RemoveAll(c => c.EffectiveOn == change.EffectiveOn);
        var at = kept.TakeWhile(c => c.EffectiveOn < change.EffectiveOn).Count();
        return Outcome<SeatTimeline>.Accept(new SeatTimeline(kept.Insert(at, change)));
    }

    public DateOnly LastChangeOn => Changes[^1].EffectiveOn;

    public int SeatsOn(DateOnly day)
    {
        if (day < StartedOn)
            throw new ArgumentOutOfRangeException(nameof(day), day, $"The subscription started on {StartedOn:O}.");
        var seats = Changes[0].Seats;
        foreach (var change in Changes)
        {
            if (change.EffectiveOn > day)
                break;
            seats = change.Seats;
        }
        return seats;
    }

    /// <summary>The window cut into runs of constant seats; together they cover every day of it once.</summary>
    public ImmutableArray<SeatSegment> Segments(BillingPeriod window)
    {
        var segments = ImmutableArray.CreateBuilder<SeatSegment>();
        var start = window.Start;
        var seats = SeatsOn(window.Start);
        foreach (var change in Changes)
        {
            if (change.EffectiveOn <= window.Start || change.Seats == seats)
                continue;
            if (change.EffectiveOn > window.End)
                break;
            segments.Add(new SeatSegment(new BillingPeriod(start, change.EffectiveOn.AddDays(-1)), seats));
            start = change.EffectiveOn;
            seats = change.Seats;
        }
        segments.Add(new SeatSegment(new BillingPeriod(start, window.End), seats));
        return segments.ToImmutable();
    }
}
