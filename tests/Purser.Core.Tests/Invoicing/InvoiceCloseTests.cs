using System.Collections.Immutable;
using Purser.Core.Calendar;
using Purser.Core.Invoicing;
using Purser.Core.Ledger;
using Purser.Core.Licensing;
using Purser.Core.Monetary;
using Purser.Core.Tests.Ledger;

namespace Purser.Core.Tests.Invoicing;

/// <summary>
/// R-INVOICE: one invoice assembled from the period's recorded charges, which drew their credit as
/// they were rated, and the lines the close bills itself, which draw now (R-DRAW) when positive and
/// credit-eligible (R-CE); then exactly the invoice's draws and the period's other movements settle.
/// </summary>
public class InvoiceCloseTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset PeriodStarts = new(2017, 7, 15, 0, 0, 0, China);
    private static readonly DateTimeOffset ClosesAt = new(2017, 8, 15, 0, 0, 0, China);
    private static readonly DateTimeOffset Now = ClosesAt.AddHours(2);
    private static readonly BillingPeriod July = new(new DateOnly(2017, 7, 15), new DateOnly(2017, 8, 14));
    private static readonly BillingPeriod August = new(new DateOnly(2017, 8, 15), new DateOnly(2017, 9, 14));

    private static Money Usd(decimal amount) => new(amount, Currency.USD);

    private static InvoiceCharge Charge(string key, ChargeType type, decimal amount, BillingPeriod dates, bool eligible = true) =>
        new(key, LineItem.Create(type, Usd(Math.Abs(amount)), 1, dates, Usd(amount)), eligible, $"{type} {key}");

    /// <summary>
    /// A lot of 100.00; during July two usage charges drew 30.00 and 12.34, a credit-ineligible
    /// marketplace charge drew nothing, an adjustment took 3.00 and a charge billed elsewhere drew
    /// 4.00; after the close, before the run, an adjustment gave back 2.00 and next period's usage
    /// drew 5.00. That leaves 47.66 for the close's own lines.
    /// </summary>
    private sealed class Scenario
    {
        public LedgerBuilder Book { get; } = new(Currency.USD);

        public Guid Lot { get; }

        public Scenario()
        {
            Lot = Book.Grant(100m, PeriodStarts.AddDays(-30), PeriodStarts.AddYears(1), key: "grant-100");
            Book.Charge("usage-1", 30.00m, PeriodStarts.AddDays(5));
            Book.Charge("marketplace-1", 15.00m, PeriodStarts.AddDays(8), eligible: false);
            Book.Apply(new AdjustCredit("adjust-down", Lot, Usd(-3.00m), PeriodStarts.AddDays(10), "Correction").Decide(Book.Ledger).Value);
            Book.Charge("usage-2", 12.34m, PeriodStarts.AddDays(20));
            Book.Charge("usage-elsewhere", 4.00m, PeriodStarts.AddDays(25));
            Book.Apply(new AdjustCredit("adjust-up", Lot, Usd(2.00m), ClosesAt.AddMinutes(30), "Goodwill").Decide(Book.Ledger).Value);
            Book.Charge("usage-next", 5.00m, ClosesAt.AddHours(1));
            Assert.Equal(Usd(47.66m), Book.Balance(Lot));
        }

        public static ImmutableArray<InvoiceCharge> Recorded =>
        [
            Charge("usage-1", ChargeType.Usage, 30.00m, July),
            Charge("marketplace-1", ChargeType.Usage, 15.00m, July, eligible: false),
            Charge("usage-2", ChargeType.Usage, 12.34m, July),
        ];

        // The credit-ineligible line comes first, while credit is left that it must not take.
        public static ImmutableArray<InvoiceCharge> Billed =>
        [
            Charge("support-plan", ChargeType.OneTime, 9.99m, August, eligible: false),
            Charge("license/prepaid", ChargeType.Prepaid, 40.00m, August),
            Charge("license/prorated", ChargeType.Prorated, 25.00m, July),
            Charge("license/reversal", ChargeType.Reversal, -16.50m, July),
        ];

        public static InvoiceClose Close => new("INV-201708", ClosesAt, Now, Recorded, Billed);
    }

    [Fact]
    public void Totals_are_what_the_lines_charge_less_the_credit_that_paid_them_to_the_cent()
    {
        var scenario = new Scenario();

        var decision = Scenario.Close.Decide(scenario.Book.Ledger).Value;

        // 30.00 + 15.00 + 12.34 + 9.99 + 40.00 + 25.00 − 16.50
        Assert.Equal(Usd(115.83m), decision.SubTotal);
        // Usage drew 30.00 and 12.34 when rated; at the close the prepaid line drew 40.00 and the prorated line the last 7.66.
        Assert.Equal(Usd(90.00m), decision.CreditApplied);
        // 15.00 marketplace + 17.34 prorated left + 9.99 support − 16.50 reversal
        Assert.Equal(Usd(25.83m), decision.AmountDue);
        Assert.Equal(decision.SubTotal - decision.CreditApplied, decision.AmountDue);
        Assert.Equal(decision.SubTotal, decision.Lines.Aggregate(Usd(0m), (s, l) => s + l.Charge.Line.Amount));
        Assert.Equal(decision.CreditApplied, decision.Lines.Aggregate(Usd(0m), (s, l) => s + l.CreditApplied));
    }

    [Fact]
    public void Each_line_shows_the_credit_that_paid_it_recorded_charges_first()
    {
        var scenario = new Scenario();

        var decision = Scenario.Close.Decide(scenario.Book.Ledger).Value;

        Assert.Equal(
            [("usage-1", 30.00m), ("marketplace-1", 0m), ("usage-2", 12.34m), ("support-plan", 0m), ("license/prepaid", 40.00m), ("license/prorated", 7.66m), ("license/reversal", 0m)],
            decision.Lines.Select(l => (l.Charge.Key, l.CreditApplied.Amount)));
        Assert.All(decision.Lines, l => Assert.Equal(Currency.USD, l.CreditApplied.Currency));
    }

    [Fact]
    public void Positive_eligible_lines_billed_at_the_close_draw_now_and_the_others_draw_nothing()
    {
        var scenario = new Scenario();

        var decision = Scenario.Close.Decide(scenario.Book.Ledger).Value;

        var draws = decision.Change.Entries.Where(e => !e.IsSettlement).ToList();
        Assert.Equal([("license/prepaid", -40.00m), ("license/prorated", -7.66m)], draws.Select(e => (e.ChargeKey, e.Amount.Amount)));
        Assert.All(draws, e =>
        {
            Assert.Equal(EntryKind.ChargeDraw, e.Kind);
            Assert.Equal(scenario.Lot, e.LotId);
            Assert.Equal(Now, e.OccurredAt);
        });
        Assert.Empty(decision.Change.NewLots);
        Assert.False(decision.Change.Replayed);
    }

    [Fact]
    public void The_change_settles_exactly_the_draws_of_this_invoices_charges_and_the_periods_other_movements()
    {
        var scenario = new Scenario();
        var before = scenario.Book.Ledger;

        var decision = Scenario.Close.Decide(before).Value;

        var twins = decision.Change.Entries.Where(e => e.IsSettlement).ToList();
        Assert.Equal(
            [$"usage-1/{scenario.Lot:N}", "adjust-down", $"usage-2/{scenario.Lot:N}", $"license/prepaid/{scenario.Lot:N}", $"license/prorated/{scenario.Lot:N}"],
            twins.Select(e => e.Settles));
        Assert.All(twins, twin =>
        {
            Assert.Equal("INV-201708", twin.InvoiceNumber);
            Assert.Equal(EntryPhase.Settled, twin.Phase);
            Assert.Equal($"{twin.Settles}@INV-201708", twin.Key);
        });

        scenario.Book.Apply(decision.Change);
        var after = scenario.Book.Ledger;
        // Another invoice's charge, next period's usage and a movement after the close wait for the invoice that bills them.
        Assert.Equal(
            [$"usage-elsewhere/{scenario.Lot:N}", "adjust-up", $"usage-next/{scenario.Lot:N}"],
            after.PendingEntries.Select(e => e.Key));
        Assert.Equal(Usd(0m), scenario.Book.Balance(scenario.Lot));
        // 100.00 − 30.00 − 3.00 − 12.34 − 40.00 − 7.66; the 4.00 and 5.00 draws and the 2.00 adjustment are still pending.
        Assert.Equal(Usd(7.00m), scenario.Book.ClosedBalance(scenario.Lot));
        var summary = BalanceSummary.Of(after);
        Assert.Equal(Usd(-9.00m), summary.PendingEligibleCharges);
        Assert.Equal(Usd(2.00m), summary.PendingCreditAdjustments);
    }

    [Fact]
    public void A_refund_of_a_charge_billed_on_an_earlier_invoice_settles_on_this_one()
    {
        // June's usage was invoiced and settled in June; part of it is refunded in July. The refund is a
        // movement of no charge on this invoice, so it settles by date like an adjustment, not never.
        var scenario = new Scenario();
        var june = new DateTimeOffset(2017, 7, 1, 0, 0, 0, China);
        scenario.Book.Charge("usage-june", 10.00m, june);
        scenario.Book.Apply(new SettleInvoice("INV-201707", PeriodStarts, new HashSet<string>(StringComparer.Ordinal) { "usage-june" }).Decide(scenario.Book.Ledger).Value);
        scenario.Book.Refund("refund-june", "usage-june", 4.00m, PeriodStarts.AddDays(3));

        var decision = Scenario.Close.Decide(scenario.Book.Ledger).Value;
        scenario.Book.Apply(decision.Change);

        Assert.Contains(decision.Change.Entries, e => e.Settles == $"refund-june/{scenario.Lot:N}");
        Assert.DoesNotContain(scenario.Book.Ledger.PendingEntries, e => e.Kind == EntryKind.Refund);
        Assert.Equal(Usd(2.00m), BalanceSummary.Of(scenario.Book.Ledger).PendingCreditAdjustments);
    }

    [Fact]
    public void Deciding_again_on_the_ledger_it_produced_changes_nothing_and_gives_the_same_invoice()
    {
        var scenario = new Scenario();
        var first = Scenario.Close.Decide(scenario.Book.Ledger).Value;
        scenario.Book.Apply(first.Change);

        var again = Scenario.Close.Decide(scenario.Book.Ledger).Value;

        Assert.Empty(again.Change.Entries);
        Assert.Equal((first.SubTotal, first.CreditApplied, first.AmountDue), (again.SubTotal, again.CreditApplied, again.AmountDue));
        // ImmutableArray's own Equals compares references, so compare the lines one by one.
        Assert.Equal(first.Lines.AsEnumerable(), again.Lines.AsEnumerable());
    }

    [Fact]
    public void Lines_billed_at_the_close_draw_lots_in_R_DRAW_order()
    {
        var book = new LedgerBuilder(Currency.USD);
        var later = book.Grant(100m, PeriodStarts.AddDays(-30), PeriodStarts.AddYears(1));
        var sooner = book.Grant(20m, PeriodStarts.AddDays(-10), PeriodStarts.AddMonths(2));
        var notYet = book.Grant(50m, Now.AddDays(1), Now.AddYears(2));
        var expired = book.Grant(50m, PeriodStarts.AddDays(-60), ClosesAt.AddHours(1));
        var close = new InvoiceClose("INV-2", ClosesAt, Now, [],
            [Charge("prepaid", ChargeType.Prepaid, 30.00m, August), Charge("prorated", ChargeType.Prorated, 5.00m, July)]);

        var decision = close.Decide(book.Ledger).Value;

        // The lot expiring soonest first, never one not yet started or already expired at the close's run.
        Assert.Equal(
            [("prepaid", sooner, -20.00m), ("prepaid", later, -10.00m), ("prorated", later, -5.00m)],
            decision.Change.Entries.Where(e => !e.IsSettlement).Select(e => (e.ChargeKey, e.LotId, e.Amount.Amount)));
        Assert.DoesNotContain(decision.Change.Entries, e => e.LotId == notYet || e.LotId == expired);
        Assert.Equal(Usd(35.00m), decision.CreditApplied);
        Assert.Equal(Usd(0m), decision.AmountDue);
    }

    [Fact]
    public void Without_credit_everything_is_due_and_reversals_still_lower_it()
    {
        var close = new InvoiceClose("INV-3", ClosesAt, Now,
            [Charge("usage", ChargeType.Usage, 12.00m, July)],
            [Charge("prepaid", ChargeType.Prepaid, 110.00m, August), Charge("reversal", ChargeType.Reversal, -165.00m, July), Charge("prorated", ChargeType.Prorated, 155.06m, July)]);

        var decision = close.Decide(CreditLedger.Empty(Currency.USD)).Value;

        Assert.Equal(Usd(112.06m), decision.SubTotal);
        Assert.Equal(Usd(0m), decision.CreditApplied);
        Assert.Equal(Usd(112.06m), decision.AmountDue);
        Assert.Empty(decision.Change.Entries);
    }

    [Fact]
    public void Late_license_lines_from_the_difference_bill_like_any_other_corrections_draw_nothing()
    {
        // The R-LIC-CANCEL cancellation learnt after the 9/15 close: the 10/15 close credits the unused
        // days and takes back September's prepaid charge, both negative.
        var calendar = AnniversaryCalendar.OnDay(15);
        var subscription = LicenseSubscription.Start(new DateOnly(2017, 5, 15), calendar, Usd(11m), 10);
        var billed = new List<LineItem>();
        foreach (var month in new[] { 5, 6, 7, 8, 9 })
            billed.AddRange(LicenseBilling.Due(subscription, new DateOnly(2017, month, 15), billed));
        var lines = LicenseBilling.Due(subscription.Cancel(new DateOnly(2017, 8, 25)).Value, new DateOnly(2017, 10, 15), billed);
        Assert.Equal([ChargeType.CreditForUnusedDays, ChargeType.Correction], lines.Select(l => l.ChargeType));

        var book = new LedgerBuilder(Currency.USD);
        var lot = book.Grant(100m, PeriodStarts, PeriodStarts.AddYears(1));
        book.Charge("usage", 50.00m, new DateTimeOffset(2017, 10, 1, 0, 0, 0, China));
        var close = new InvoiceClose("INV-4", new DateTimeOffset(2017, 10, 15, 0, 0, 0, China), new DateTimeOffset(2017, 10, 15, 1, 0, 0, China),
            [Charge("usage", ChargeType.Usage, 50.00m, new BillingPeriod(new DateOnly(2017, 9, 15), new DateOnly(2017, 10, 14)))],
            [.. lines.Select((l, i) => new InvoiceCharge($"license/{i}", l, CreditEligible: true, l.ChargeType.ToString()))]);

        var decision = close.Decide(book.Ledger).Value;

        // 50.00 − 74.51 − 110.00
        Assert.Equal(Usd(-134.51m), decision.SubTotal);
        Assert.Equal(Usd(50.00m), decision.CreditApplied);
        Assert.Equal(Usd(-184.51m), decision.AmountDue);
        Assert.Equal([$"usage/{lot:N}"], decision.Change.Entries.Select(e => e.Settles));
    }

    [Fact]
    public void Two_lines_sharing_a_charge_key_are_refused_and_change_nothing()
    {
        var scenario = new Scenario();
        var close = Scenario.Close with { Billed = [.. Scenario.Billed, Charge("usage-2", ChargeType.OneTime, 1.00m, August)] };

        var outcome = close.Decide(scenario.Book.Ledger);

        Assert.False(outcome.IsAccepted);
        Assert.Equal(RefusalCode.DuplicateChargeKey, outcome.Refusal.Code);
    }

    [Fact]
    public void A_close_without_an_invoice_number_is_refused()
    {
        var scenario = new Scenario();

        var outcome = (Scenario.Close with { InvoiceNumber = " " }).Decide(scenario.Book.Ledger);

        Assert.False(outcome.IsAccepted);
        Assert.Equal(RefusalCode.InvoiceNumberMissing, outcome.Refusal.Code);
    }

    public static TheoryData<decimal, decimal, int, bool, InvoiceStatus> Standings => new()
    {
        // amount due, paid, days from the due date to today, voided → status
        { 25.83m, 0m, -1, false, InvoiceStatus.Due },
        { 25.83m, 0m, 0, false, InvoiceStatus.Due },
        { 25.83m, 10m, 0, false, InvoiceStatus.PartiallyPaid },
        { 25.83m, 25.82m, -5, false, InvoiceStatus.PartiallyPaid },
        { 25.83m, 25.83m, -5, false, InvoiceStatus.Paid },
        { 25.83m, 30m, -5, false, InvoiceStatus.Paid },
        { 25.83m, 25.83m, 40, false, InvoiceStatus.Paid },
        { 25.83m, 0m, 1, false, InvoiceStatus.OverDue },
        { 25.83m, 10m, 1, false, InvoiceStatus.OverDue },
        // Credit covered everything: nothing is due, so the invoice is paid as issued.
        { 0m, 0m, -30, false, InvoiceStatus.Paid },
        { 0m, 0m, 30, false, InvoiceStatus.Paid },
        { 25.83m, 0m, -1, true, InvoiceStatus.Void },
        { 25.83m, 25.83m, -1, true, InvoiceStatus.Void },
        { 25.83m, 0m, 30, true, InvoiceStatus.Void },
    };

    [Theory]
    [MemberData(nameof(Standings))]
    public void An_invoice_stands_by_what_was_paid_of_what_was_due_and_the_due_date(decimal amountDue, decimal paid, int daysPastDue, bool voided, InvoiceStatus expected)
    {
        var dueDate = new DateOnly(2017, 9, 14);

        Assert.Equal(expected, InvoiceStanding.Of(Usd(amountDue), Usd(paid), dueDate, dueDate.AddDays(daysPastDue), voided));
    }
}
