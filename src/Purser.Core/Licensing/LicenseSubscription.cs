using Purser.Core.Calendar;
using Purser.Core.Monetary;

namespace Purser.Core.Licensing;

/// <summary>
/// What license billing needs to know about a subscription: when it started, its partner's
/// billing calendar, the monthly price of a seat month by month, its seats over time and, once cancelled,
/// the first day it is no longer in use (<see cref="EndsOn"/>).
/// </summary>
public sealed record LicenseSubscription(
    DateOnly StartedOn,
    AnniversaryCalendar Calendar,
    SeatPrices Prices,
    SeatTimeline Seats,
    DateOnly? EndsOn = null)
{
    public static LicenseSubscription Start(DateOnly startedOn, AnniversaryCalendar calendar, Money monthlyPricePerSeat, int seats) =>
        Start(startedOn, calendar, SeatPrices.Fixed(monthlyPricePerSeat), seats);

    public static LicenseSubscription Start(DateOnly startedOn, AnniversaryCalendar calendar, SeatPrices prices, int seats) =>
        new(startedOn, calendar, prices, SeatTimeline.Starting(startedOn, seats));

    public DateOnly FirstBillingDate => Calendar.BillingDateOnOrAfter(StartedOn);

    public BillingPeriod? FreePeriod => Calendar.FreePeriodBefore(StartedOn);

    public Outcome<LicenseSubscription> ChangeSeats(DateOnly effectiveOn, int seats)
    {
        // A change learnt late may still fall before the end (R-LATE); only days after it have no seats to change.
        if (EndsOn is { } ends && effectiveOn >= ends)
            return Outcome<LicenseSubscription>.Refuse(RefusalCode.SubscriptionCancelled, $"The subscription was cancelled with effect {ends:O}.");
        var timeline = Seats.With(new SeatChange(effectiveOn, seats));
        return timeline.IsAccepted ? Outcome<LicenseSubscription>.Accept(this with { Seats = timeline.Value }) : timeline.Refusal;
    }

    /// <summary>Cancels with effect <paramref name="effectiveOn"/>: the first day not used.</summary>
    public Outcome<LicenseSubscription> Cancel(DateOnly effectiveOn)
    {
        if (EndsOn is { } ends)
            return Outcome<LicenseSubscription>.Refuse(RefusalCode.SubscriptionCancelled, $"The subscription was already cancelled with effect {ends:O}.");
        if (effectiveOn < StartedOn)
            return Outcome<LicenseSubscription>.Refuse(RefusalCode.CancellationBeforeStart, $"The subscription started on {StartedOn:O}.");
        // Seats after the end would be billed as prorated use of days that were credited back.
        if (Seats.LastChangeOn >= effectiveOn && Seats.LastChangeOn != StartedOn)
            return Outcome<LicenseSubscription>.Refuse(RefusalCode.SeatChangeAfterCancellation, $"Seats change on {Seats.LastChangeOn:O}, on or after the cancellation.");
        return Outcome<LicenseSubscription>.Accept(this with { EndsOn = effectiveOn });
    }

    /// <summary>The subscription's billing periods in order: the free period if any, then full months.</summary>
    public IEnumerable<BillingPeriod> Periods()
    {
        if (FreePeriod is { } free)
            yield return free;
        for (var period = Calendar.PeriodStartingOn(FirstBillingDate); ; period = Calendar.Next(period))
            yield return period;
    }

    /// <summary>The period whose close falls on <paramref name="billingDate"/>, if the subscription had one.</summary>
    public BillingPeriod? PeriodClosingOn(DateOnly billingDate)
    {
        if (billingDate <= StartedOn)
            return null;
        var closing = FreePeriod is { } free && free.NextStart == billingDate
            ? free
            : Calendar.PeriodContaining(billingDate.AddDays(-1));
        return closing.NextStart == billingDate ? closing : null;
    }

    /// <summary>Seats the prepaid charge for <paramref name="period"/> was billed for, when the previous period closed.</summary>
    public int PrepaidSeats(BillingPeriod period) =>
        period.Start == StartedOn ? Seats.SeatsOn(StartedOn) : Seats.SeatsOn(period.Start.AddDays(-1));
}
