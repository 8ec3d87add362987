using System.Collections.Immutable;
using System.Globalization;
using Purser.Core.Calendar;
using Purser.Core.Invoicing;
using Purser.Core.Licensing;
using Purser.Core.Monetary;

namespace Purser.Core.Tests.Licensing;

/// <summary>
/// The golden cases of SPEC §3.3 billed close by close through <see cref="LicenseBilling.Due"/>
/// (billing day 15, 2017): on time, each close bills exactly the SPEC's lines; late (R-LATE), a
/// change or cancellation known only after the close of the period it affects is billed at a
/// later close as the lines the truth gained plus corrections of the lines it lost, so that
/// every period ends billed to the cent as on time and nothing is billed twice.
/// </summary>
public class LateChangeTests
{
    private static readonly AnniversaryCalendar BillingDay15 = AnniversaryCalendar.OnDay(15);

    private static DateOnly D(int month, int day) => new(2017, month, day);

    private static BillingPeriod P(int fromMonth, int fromDay, int toMonth, int toDay) => new(D(fromMonth, fromDay), D(toMonth, toDay));

    private static Money Usd(decimal amount) => new(amount, Currency.USD);

    /// <summary>A fact about the subscription, known from the close after the day it was recorded.</summary>
    private sealed record Fact(DateOnly RecordedOn, Func<LicenseSubscription, Outcome<LicenseSubscription>> Apply);

    /// <summary>A subscription recorded on <paramref name="RecordedOn"/>, and what was learnt about it afterwards, in the order learnt.</summary>
    private sealed record Scenario(LicenseSubscription Started, DateOnly RecordedOn, params Fact[] Facts)
    {
        /// <summary>What a close held at the start of <paramref name="billingDate"/> knows: facts recorded on an earlier day.</summary>
        public LicenseSubscription? KnownAt(DateOnly billingDate) =>
            RecordedOn >= billingDate
                ? null
                : Facts.Where(f => f.RecordedOn < billingDate).Aggregate(Started, (s, f) => f.Apply(s).Value);

        public LicenseSubscription Final => Facts.Aggregate(Started, (s, f) => f.Apply(s).Value);

        /// <summary>Closes on the 15th of <paramref name="fromMonth"/> through <paramref name="toMonth"/>, the lines of each by month.</summary>
        public (CloseRun Run, Dictionary<int, ImmutableArray<LineItem>> Lines) Bill(int fromMonth, int toMonth)
        {
            var run = new CloseRun();
            var lines = new Dictionary<int, ImmutableArray<LineItem>>();
            for (var month = fromMonth; month <= toMonth; month++)
                lines[month] = run.Close(D(month, 15), KnownAt(D(month, 15)));
            return (run, lines);
        }
    }

    private static Fact Seats(DateOnly effectiveOn, int seats, DateOnly recordedOn) => new(recordedOn, s => s.ChangeSeats(effectiveOn, seats));

    private static Fact Seats(DateOnly effectiveOn, int seats) => Seats(effectiveOn, seats, effectiveOn);

    private static Fact Cancel(DateOnly effectiveOn, DateOnly recordedOn) => new(recordedOn, s => s.Cancel(effectiveOn));

    private static Fact Cancel(DateOnly effectiveOn) => Cancel(effectiveOn, effectiveOn);

    // An existing subscription, as in the SPEC's cases that bill a full month: ordered ahead, started on the 5/15 billing date.
    private static readonly DateOnly OrderedOn = D(5, 1);

    private static LicenseSubscription Existing(decimal price, int seats) => LicenseSubscription.Start(D(5, 15), BillingDay15, Usd(price), seats);

    private static LicenseSubscription New(decimal price, int seats) => LicenseSubscription.Start(D(6, 3), BillingDay15, Usd(price), seats);

    private sealed record Line(ChargeType Type, decimal UnitPrice, int Quantity, BillingPeriod Dates, decimal Amount, ChargeType? Corrects = null)
    {
        public static Line Of(LineItem item) =>
            new(item.ChargeType, item.UnitPrice.Amount, (int)item.Quantity, item.Dates, item.Amount.Amount, item.Corrects);

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Type}{(Corrects is { } c ? $"({c})" : "")} {UnitPrice:0.00}×{Quantity} {Dates} = {Amount:0.00}");
    }

    private static Line Prepaid(decimal price, int seats, BillingPeriod dates, decimal amount) => new(ChargeType.Prepaid, price, seats, dates, amount);

    private static Line Prorated(decimal price, int seats, BillingPeriod dates, decimal amount) => new(ChargeType.Prorated, price, seats, dates, amount);

    private static Line Reversal(decimal price, int seats, BillingPeriod dates, decimal amount) => new(ChargeType.Reversal, price, seats, dates, amount);

    private static Line Unused(decimal price, int seats, BillingPeriod dates, decimal amount) => new(ChargeType.CreditForUnusedDays, price, seats, dates, amount);

    private static Line Correction(Line of) => new(ChargeType.Correction, of.UnitPrice, of.Quantity, of.Dates, -of.Amount, of.Type);

    /// <summary>The close billed exactly these lines, in this order, to the cent (scale aside: 165 = 165.00).</summary>
    private static void AssertLines(ImmutableArray<LineItem> actual, params Line[] expected)
    {
        Assert.All(actual, l => Assert.Equal(Currency.USD, l.Amount.Currency));
        Assert.All(actual, l => Assert.True(l.Amount.IsWholeMinorUnits, $"{l} is not in whole cents."));
        Assert.Equal(expected, actual.Select(Line.Of));
    }

    /// <summary>The close billed exactly these lines, in any order.</summary>
    private static void AssertSameLines(ImmutableArray<LineItem> actual, params Line[] expected)
    {
        Assert.All(actual, l => Assert.True(l.Amount.IsWholeMinorUnits, $"{l} is not in whole cents."));
        Assert.Equal(expected.OrderBy(l => l.ToString(), StringComparer.Ordinal), actual.Select(Line.Of).OrderBy(l => l.ToString(), StringComparer.Ordinal));
    }

    /// <summary>R-LATE: every period ends billed as on time, and as the rules give it with everything known.</summary>
    private static void AssertSettlesAsOnTime(Scenario onTime, CloseRun onTimeRun, Scenario late, CloseRun lateRun, DateOnly lastClose)
    {
        var final = late.Final;
        var onTimeSums = CloseRun.SumsByPeriod(final, onTimeRun.Billed);
        CloseRun.AssertSameSums(onTimeSums, CloseRun.SumsByPeriod(final, lateRun.Billed));
        CloseRun.AssertSameSums(CloseRun.SumsByPeriod(final, LicenseBilling.Truth(final, lastClose)), onTimeSums);
        Assert.Empty(LicenseBilling.Due(final, lastClose, lateRun.Billed));
        Assert.Empty(LicenseBilling.Due(onTime.Final, lastClose, onTimeRun.Billed));
    }

    // ---- R-LIC-NEW -------------------------------------------------------------------------------

    [Fact]
    public void New_on_time_the_first_close_bills_one_line_next_months_prepaid_charge()
    {
        var (_, lines) = new Scenario(New(10m, 10), D(6, 3)).Bill(6, 8);

        AssertLines(lines[6], Prepaid(10m, 10, P(6, 15, 7, 14), 100.00m));
        AssertLines(lines[7], Prepaid(10m, 10, P(7, 15, 8, 14), 100.00m));
        AssertLines(lines[8], Prepaid(10m, 10, P(8, 15, 9, 14), 100.00m));
    }

    [Fact]
    public void New_recorded_after_its_first_close_bills_the_missed_prepaid_month_at_the_next_close()
    {
        var onTime = new Scenario(New(10m, 10), D(6, 3));
        var late = onTime with { RecordedOn = D(6, 20) };

        var (onTimeRun, _) = onTime.Bill(6, 8);
        var (lateRun, lines) = late.Bill(6, 8);

        Assert.Empty(lines[6]);
        // The truth only gained lines, so there is nothing to correct.
        AssertLines(lines[7], Prepaid(10m, 10, P(6, 15, 7, 14), 100.00m), Prepaid(10m, 10, P(7, 15, 8, 14), 100.00m));
        AssertLines(lines[8], Prepaid(10m, 10, P(8, 15, 9, 14), 100.00m));
        AssertSettlesAsOnTime(onTime, onTimeRun, late, lateRun, D(8, 15));
    }

    // ---- R-LIC-FREECHANGE ------------------------------------------------------------------------

    private static readonly Line[] FreeChangeLines =
    [
        Prorated(0m, 10, P(6, 3, 6, 7), 0m),
        Prorated(0m, 20, P(6, 8, 6, 11), 0m),
        Prorated(0m, 15, P(6, 12, 6, 14), 0m),
        Prepaid(10m, 15, P(6, 15, 7, 14), 150.00m),
    ];

    private static Scenario FreeChange(DateOnly recorded8, DateOnly recorded12) =>
        new(New(10m, 10), D(6, 3), Seats(D(6, 8), 20, recorded8), Seats(D(6, 12), 15, recorded12));

    [Fact]
    public void Free_change_on_time_the_first_close_bills_three_zero_lines_then_the_prepaid_month()
    {
        var (_, lines) = FreeChange(D(6, 8), D(6, 12)).Bill(6, 7);

        AssertLines(lines[6], FreeChangeLines);
        AssertLines(lines[7], Prepaid(10m, 15, P(7, 15, 8, 14), 150.00m));
    }

    [Fact]
    public void Free_change_with_a_correction_recorded_on_the_start_day_bills_the_corrected_count_from_the_start()
    {
        // Started with 12 seats, corrected the same day to 10 with effect from the start: no 12-seat line ever.
        var scenario = new Scenario(New(10m, 12), D(6, 3), Seats(D(6, 3), 10), Seats(D(6, 8), 20), Seats(D(6, 12), 15));

        var (_, lines) = scenario.Bill(6, 7);

        AssertLines(lines[6], FreeChangeLines);
        AssertLines(lines[7], Prepaid(10m, 15, P(7, 15, 8, 14), 150.00m));
    }

    [Fact]
    public void Free_change_recorded_after_the_first_close_is_billed_with_a_correction_of_the_prepaid_month()
    {
        var onTime = FreeChange(D(6, 8), D(6, 12));
        var late = FreeChange(D(6, 16), D(6, 20));

        var (onTimeRun, _) = onTime.Bill(6, 8);
        var (lateRun, lines) = late.Bill(6, 8);

        // Unknown changes: one seat count all through the free period, so no zero lines.
        AssertLines(lines[6], Prepaid(10m, 10, P(6, 15, 7, 14), 100.00m));
        AssertSameLines(lines[7],
            [.. FreeChangeLines, Prepaid(10m, 15, P(7, 15, 8, 14), 150.00m), Correction(Prepaid(10m, 10, P(6, 15, 7, 14), 100.00m))]);
        AssertLines(lines[8], Prepaid(10m, 15, P(8, 15, 9, 14), 150.00m));
        AssertSettlesAsOnTime(onTime, onTimeRun, late, lateRun, D(8, 15));
    }

    [Fact]
    public void A_start_day_correction_recorded_late_replaces_the_zero_line_it_changes()
    {
        var scenario = new Scenario(New(10m, 12), D(6, 3), Seats(D(6, 3), 10, recordedOn: D(6, 20)), Seats(D(6, 8), 20), Seats(D(6, 12), 15));
        var onTime = new Scenario(New(10m, 12), D(6, 3), Seats(D(6, 3), 10), Seats(D(6, 8), 20), Seats(D(6, 12), 15));

        var (lateRun, lines) = scenario.Bill(6, 7);
        var (onTimeRun, _) = onTime.Bill(6, 7);

        AssertLines(lines[6], [Prorated(0m, 12, P(6, 3, 6, 7), 0m), .. FreeChangeLines[1..]]);
        AssertSameLines(lines[7],
            Prorated(0m, 10, P(6, 3, 6, 7), 0m), Correction(Prorated(0m, 12, P(6, 3, 6, 7), 0m)), Prepaid(10m, 15, P(7, 15, 8, 14), 150.00m));
        AssertSettlesAsOnTime(onTime, onTimeRun, scenario, lateRun, D(7, 15));
    }

    // ---- R-LIC-CANCELFREE ------------------------------------------------------------------------

    private static Scenario CancelFree(DateOnly cancelRecorded) => new(New(10m, 10), D(6, 3), Seats(D(6, 8), 20), Cancel(D(6, 10), cancelRecorded));

    [Fact]
    public void Cancelled_free_on_time_no_close_bills_anything()
    {
        var (run, lines) = CancelFree(D(6, 10)).Bill(6, 8);

        Assert.All(lines.Values, l => Assert.Empty(l));
        Assert.Empty(run.Billed);
    }

    [Fact]
    public void Cancelled_free_recorded_after_the_first_close_takes_back_every_line_it_billed()
    {
        var onTime = CancelFree(D(6, 10));
        var late = CancelFree(D(6, 16));

        var (onTimeRun, _) = onTime.Bill(6, 8);
        var (lateRun, lines) = late.Bill(6, 8);

        Line[] billedFirst = [Prorated(0m, 10, P(6, 3, 6, 7), 0m), Prorated(0m, 20, P(6, 8, 6, 14), 0m), Prepaid(10m, 20, P(6, 15, 7, 14), 200.00m)];
        AssertLines(lines[6], billedFirst);
        AssertSameLines(lines[7], [.. billedFirst.Select(Correction)]);
        Assert.Empty(lines[8]);
        AssertSettlesAsOnTime(onTime, onTimeRun, late, lateRun, D(8, 15));
        Assert.Equal(0m, lateRun.Billed.Sum(l => l.Amount.Amount));
    }

    // ---- R-LIC-CHANGE ----------------------------------------------------------------------------

    private static readonly BillingPeriod July = P(7, 15, 8, 14);

    private static readonly Line[] ChangeLines =
    [
        Reversal(11m, 15, July, -165.00m),
        Prorated(11m, 15, P(7, 15, 7, 19), 26.61m),
        Prorated(11m, 12, P(7, 20, 7, 30), 46.84m),
        Prorated(11m, 18, P(7, 31, 8, 9), 63.87m),
        Prorated(11m, 10, P(8, 10, 8, 14), 17.74m),
        Prepaid(11m, 10, P(8, 15, 9, 14), 110.00m),
    ];

    private static Scenario Change(DateOnly recorded20, DateOnly recorded31, DateOnly recorded10) =>
        new(Existing(11m, 15), OrderedOn, Seats(D(7, 20), 12, recorded20), Seats(D(7, 31), 18, recorded31), Seats(D(8, 10), 10, recorded10));

    [Fact]
    public void Change_on_time_the_close_reverses_the_month_bills_prorated_use_and_prepays_the_new_count()
    {
        var (_, lines) = Change(D(7, 20), D(7, 31), D(8, 10)).Bill(5, 9);

        AssertLines(lines[5], Prepaid(11m, 15, P(5, 15, 6, 14), 165.00m));
        AssertLines(lines[6], Prepaid(11m, 15, P(6, 15, 7, 14), 165.00m));
        AssertLines(lines[7], Prepaid(11m, 15, July, 165.00m));
        AssertLines(lines[8], ChangeLines);
        AssertLines(lines[9], Prepaid(11m, 10, P(9, 15, 10, 14), 110.00m));
    }

    [Fact]
    public void Changes_recorded_after_the_close_are_billed_at_the_next_close_with_a_correction_of_the_prepaid_month()
    {
        var onTime = Change(D(7, 20), D(7, 31), D(8, 10));
        var late = Change(D(8, 16), D(8, 16), D(8, 16));

        var (onTimeRun, _) = onTime.Bill(5, 10);
        var (lateRun, lines) = late.Bill(5, 10);

        AssertLines(lines[8], Prepaid(11m, 15, P(8, 15, 9, 14), 165.00m));
        AssertSameLines(lines[9],
            [.. ChangeLines, Prepaid(11m, 10, P(9, 15, 10, 14), 110.00m), Correction(Prepaid(11m, 15, P(8, 15, 9, 14), 165.00m))]);
        AssertLines(lines[10], Prepaid(11m, 10, P(10, 15, 11, 14), 110.00m));
        AssertSettlesAsOnTime(onTime, onTimeRun, late, lateRun, D(10, 15));
        // July: prepaid 165.00 − 165.00 + 26.61 + 46.84 + 63.87 + 17.74; August: the 10 seats prepaid.
        var sums = CloseRun.SumsByPeriod(late.Final, lateRun.Billed);
        Assert.Equal(155.06m, sums[July]);
        Assert.Equal(110.00m, sums[P(8, 15, 9, 14)]);
    }

    [Fact]
    public void Only_the_last_change_late_corrects_just_the_lines_it_changed()
    {
        var onTime = Change(D(7, 20), D(7, 31), D(8, 10));
        var late = Change(D(7, 20), D(7, 31), D(8, 20));

        var (onTimeRun, _) = onTime.Bill(5, 10);
        var (lateRun, lines) = late.Bill(5, 10);

        // Without the 8/10 change, 18 seats ran to the end of July's period: 18 × 11 × 15 / 31 = 95.806… → 95.81.
        AssertLines(lines[8],
            Reversal(11m, 15, July, -165.00m),
            Prorated(11m, 15, P(7, 15, 7, 19), 26.61m),
            Prorated(11m, 12, P(7, 20, 7, 30), 46.84m),
            Prorated(11m, 18, P(7, 31, 8, 14), 95.81m),
            Prepaid(11m, 18, P(8, 15, 9, 14), 198.00m));
        AssertSameLines(lines[9],
            Prorated(11m, 18, P(7, 31, 8, 9), 63.87m),
            Prorated(11m, 10, P(8, 10, 8, 14), 17.74m),
            Prepaid(11m, 10, P(8, 15, 9, 14), 110.00m),
            Prepaid(11m, 10, P(9, 15, 10, 14), 110.00m),
            Correction(Prorated(11m, 18, P(7, 31, 8, 14), 95.81m)),
            Correction(Prepaid(11m, 18, P(8, 15, 9, 14), 198.00m)));
        AssertSettlesAsOnTime(onTime, onTimeRun, late, lateRun, D(10, 15));
    }

    [Fact]
    public void A_change_effective_on_a_billing_date_settles_the_month_it_starts()
    {
        // Known before the 8/15 close: August was still prepaid for the seats held on 8/14.
        var onTime = new Scenario(Existing(11m, 15), OrderedOn, Seats(D(8, 15), 12, recordedOn: D(8, 10)));
        var late = new Scenario(Existing(11m, 15), OrderedOn, Seats(D(8, 15), 12, recordedOn: D(9, 20)));

        var (onTimeRun, onTimeLines) = onTime.Bill(7, 10);
        var (lateRun, lines) = late.Bill(7, 10);

        AssertLines(onTimeLines[8], Prepaid(11m, 15, P(8, 15, 9, 14), 165.00m));
        AssertLines(onTimeLines[9],
            Reversal(11m, 15, P(8, 15, 9, 14), -165.00m),
            Prorated(11m, 12, P(8, 15, 9, 14), 132.00m),
            Prepaid(11m, 12, P(9, 15, 10, 14), 132.00m));
        AssertLines(onTimeLines[10], Prepaid(11m, 12, P(10, 15, 11, 14), 132.00m));

        AssertLines(lines[8], Prepaid(11m, 15, P(8, 15, 9, 14), 165.00m));
        AssertLines(lines[9], Prepaid(11m, 15, P(9, 15, 10, 14), 165.00m));
        AssertSameLines(lines[10],
            Reversal(11m, 15, P(8, 15, 9, 14), -165.00m),
            Prorated(11m, 12, P(8, 15, 9, 14), 132.00m),
            Prepaid(11m, 12, P(9, 15, 10, 14), 132.00m),
            Prepaid(11m, 12, P(10, 15, 11, 14), 132.00m),
            Correction(Prepaid(11m, 15, P(9, 15, 10, 14), 165.00m)));
        AssertSettlesAsOnTime(onTime, onTimeRun, late, lateRun, D(10, 15));
    }

    // ---- R-LIC-CANCEL ----------------------------------------------------------------------------

    [Fact]
    public void Cancel_on_time_the_close_credits_the_unused_days_and_nothing_more()
    {
        var (_, lines) = new Scenario(Existing(11m, 10), OrderedOn, Cancel(D(8, 25))).Bill(7, 10);

        AssertLines(lines[8], Prepaid(11m, 10, P(8, 15, 9, 14), 110.00m));
        AssertLines(lines[9], Unused(11m, 10, P(8, 25, 9, 14), -74.51m));
        Assert.Empty(lines[10]);
    }

    [Fact]
    public void A_cancellation_recorded_after_the_close_credits_the_unused_days_and_takes_back_the_prepaid_month_after()
    {
        var onTime = new Scenario(Existing(11m, 10), OrderedOn, Cancel(D(8, 25)));
        var late = new Scenario(Existing(11m, 10), OrderedOn, Cancel(D(8, 25), recordedOn: D(9, 20)));

        var (onTimeRun, _) = onTime.Bill(7, 11);
        var (lateRun, lines) = late.Bill(7, 11);

        AssertLines(lines[9], Prepaid(11m, 10, P(9, 15, 10, 14), 110.00m));
        AssertSameLines(lines[10], Unused(11m, 10, P(8, 25, 9, 14), -74.51m), Correction(Prepaid(11m, 10, P(9, 15, 10, 14), 110.00m)));
        Assert.Empty(lines[11]);
        AssertSettlesAsOnTime(onTime, onTimeRun, late, lateRun, D(11, 15));
        var sums = CloseRun.SumsByPeriod(late.Final, lateRun.Billed);
        Assert.Equal(35.49m, sums[P(8, 15, 9, 14)]);
        Assert.Equal(0m, sums[P(9, 15, 10, 14)]);
    }

    [Fact]
    public void A_cancellation_effective_on_a_billing_date_recorded_late_only_takes_back_the_month_it_prepaid()
    {
        var onTime = new Scenario(Existing(11m, 10), OrderedOn, Cancel(D(9, 15), recordedOn: D(9, 1)));
        var late = new Scenario(Existing(11m, 10), OrderedOn, Cancel(D(9, 15), recordedOn: D(9, 20)));

        var (onTimeRun, onTimeLines) = onTime.Bill(8, 11);
        var (lateRun, lines) = late.Bill(8, 11);

        Assert.Empty(onTimeLines[9]);
        AssertLines(lines[9], Prepaid(11m, 10, P(9, 15, 10, 14), 110.00m));
        AssertLines(lines[10], Correction(Prepaid(11m, 10, P(9, 15, 10, 14), 110.00m)));
        Assert.Empty(lines[11]);
        AssertSettlesAsOnTime(onTime, onTimeRun, late, lateRun, D(11, 15));
    }

    // ---- R-LIC-CANCELCHANGED ---------------------------------------------------------------------

    private static readonly BillingPeriod August = P(8, 15, 9, 14);

    private static readonly Line[] CancelChangedLines =
    [
        Reversal(10m, 10, August, -100.00m),
        Prorated(10m, 10, P(8, 15, 8, 24), 32.26m),
        Prorated(10m, 5, P(8, 25, 9, 14), 33.87m),
        Unused(10m, 5, P(9, 1, 9, 14), -22.58m),
    ];

    private static Scenario CancelChanged(DateOnly seatsRecorded, DateOnly cancelRecorded) =>
        new(Existing(10m, 10), OrderedOn, Seats(D(8, 25), 5, seatsRecorded), Cancel(D(9, 1), cancelRecorded));

    [Fact]
    public void Cancel_changed_on_time_the_close_reverses_prorates_and_credits_the_unused_days()
    {
        var (_, lines) = CancelChanged(D(8, 25), D(9, 1)).Bill(7, 10);

        AssertLines(lines[8], Prepaid(10m, 10, August, 100.00m));
        AssertLines(lines[9], CancelChangedLines);
        Assert.Empty(lines[10]);
    }

    [Fact]
    public void A_change_and_a_cancellation_recorded_after_the_close_are_billed_together_at_the_next()
    {
        var onTime = CancelChanged(D(8, 25), D(9, 1));
        var late = CancelChanged(D(9, 16), D(9, 16));

        var (onTimeRun, _) = onTime.Bill(7, 11);
        var (lateRun, lines) = late.Bill(7, 11);

        AssertLines(lines[9], Prepaid(10m, 10, P(9, 15, 10, 14), 100.00m));
        AssertSameLines(lines[10], [.. CancelChangedLines, Correction(Prepaid(10m, 10, P(9, 15, 10, 14), 100.00m))]);
        Assert.Empty(lines[11]);
        AssertSettlesAsOnTime(onTime, onTimeRun, late, lateRun, D(11, 15));
        // 100.00 − 100.00 + 32.26 + 33.87 − 22.58.
        Assert.Equal(43.55m, CloseRun.SumsByPeriod(late.Final, lateRun.Billed)[August]);
    }

    [Fact]
    public void Only_the_cancellation_late_credits_the_unused_days_of_the_seats_already_prorated()
    {
        var onTime = CancelChanged(D(8, 25), D(9, 1));
        var late = CancelChanged(D(8, 25), D(9, 20));

        var (onTimeRun, _) = onTime.Bill(7, 11);
        var (lateRun, lines) = late.Bill(7, 11);

        AssertLines(lines[9], [.. CancelChangedLines[..3], Prepaid(10m, 5, P(9, 15, 10, 14), 50.00m)]);
        AssertSameLines(lines[10], CancelChangedLines[3], Correction(Prepaid(10m, 5, P(9, 15, 10, 14), 50.00m)));
        Assert.Empty(lines[11]);
        AssertSettlesAsOnTime(onTime, onTimeRun, late, lateRun, D(11, 15));
    }

    [Fact]
    public void A_correction_takes_back_exactly_what_the_line_billed()
    {
        var late = CancelChanged(D(9, 16), D(9, 16));
        var (run, _) = late.Bill(7, 11);

        var correction = Assert.Single(run.Billed, l => l.ChargeType == ChargeType.Correction);
        var original = Assert.Single(run.Billed, l => l.ChargeType == ChargeType.Prepaid && l.Dates == P(9, 15, 10, 14));
        Assert.Equal(ChargeType.Prepaid, correction.Corrects);
        Assert.Equal(original.UnitPrice, correction.UnitPrice);
        Assert.Equal(original.Quantity, correction.Quantity);
        Assert.Equal(original.Dates, correction.Dates);
        Assert.Equal(-original.Amount, correction.Amount);
        Assert.Equal(-original.Amount, correction.UnroundedAmount);
    }
}
