using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Monetary;

namespace Purser.Core.Tests.Ledger;

public class AdjustmentAndRefundTests
{
    private static readonly DateTimeOffset T0 = new(2017, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_refund_returns_credit_to_the_lots_the_charge_drew_from_and_the_rest_to_the_payment_method()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var first = book.Grant(100m, T0, T0.AddMonths(6));
        var second = book.Grant(100m, T0, T0.AddMonths(12));
        book.Charge("c1", 250m, T0.AddDays(1));

        var refunded = book.Refund("r1", "c1", 230m, T0.AddDays(2));

        Assert.Equal(book.M(200m), refunded.ReturnedToCredit);
        Assert.Equal(book.M(30m), refunded.ReturnedToPaymentMethod);
        Assert.Equal(book.M(100m), book.Balance(first));
        Assert.Equal(book.M(100m), book.Balance(second));
        Assert.Equal(book.M(200m), BalanceSummary.Of(book.Ledger).PendingCreditAdjustments);
    }

    [Fact]
    public void A_partial_refund_goes_to_the_longest_lived_lot_first()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var first = book.Grant(100m, T0, T0.AddMonths(6));
        var second = book.Grant(100m, T0, T0.AddMonths(12));
        book.Charge("c1", 150m, T0.AddDays(1));

        book.Refund("r1", "c1", 80m, T0.AddDays(2));

        Assert.Equal(book.M(30m), book.Balance(first));
        Assert.Equal(book.M(100m), book.Balance(second));
    }

    [Fact]
    public void A_refund_rounds_toward_zero_and_never_revives_expired_credit()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var lot = book.Grant(100m, T0, T0.AddMonths(1));
        book.Charge("c1", 40m, T0.AddDays(1));
        book.Expire(T0.AddMonths(1));

        var refunded = book.Refund("r1", "c1", 10.019m, T0.AddMonths(1).AddDays(1));

        Assert.Equal(book.M(10.01m), refunded.ReturnedToPaymentMethod);
        Assert.True(refunded.ReturnedToCredit.IsZero);
        Assert.Equal(book.M(0m), book.Balance(lot));
    }

    [Fact]
    public void Refunds_together_never_return_more_than_was_charged_and_no_amount_means_the_whole_charge()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var lot = book.Grant(40m, T0, T0.AddMonths(6));
        book.Charge("c1", 60m, T0.AddDays(1));
        book.Refund("r1", "c1", 50m, T0.AddDays(2));

        var over = book.TryRefund("r2", "c1", 10.01m, T0.AddDays(3));
        var whole = book.TryRefund("r3", "c1", null, T0.AddDays(3));
        var rest = book.Refund("r4", "c1", 10m, T0.AddDays(3));

        Assert.Equal(RefusalCode.RefundExceedsCharge, over.Refusal?.Code);
        Assert.Equal(RefusalCode.RefundExceedsCharge, whole.Refusal?.Code);
        Assert.Equal(book.M(0m), rest.ReturnedToCredit);
        Assert.Equal(book.M(10m), rest.ReturnedToPaymentMethod);
        Assert.Equal(book.M(40m), book.Balance(lot));

        book.Charge("c2", 25m, T0.AddDays(4));
        var all = book.Refund("r5", "c2", null, T0.AddDays(5));
        Assert.Equal(book.M(25m), all.ReturnedToCredit);
        Assert.True(book.TryRefund("r5", "c2", null, T0.AddDays(6)).Value.Change.Replayed);
    }

    [Fact]
    public void A_void_takes_what_is_left_as_a_pending_adjustment_and_the_lot_then_draws_refunds_and_adjusts_nothing()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var voided = book.Grant(100m, T0, T0.AddMonths(6));
        var other = book.Grant(50m, T0, T0.AddMonths(12));
        book.Charge("c1", 30m, T0.AddDays(1));

        var change = new VoidLot("v1", voided, T0.AddDays(2), "granted in error").Decide(book.Ledger).Value;
        book.Apply(change);

        var entry = Assert.Single(change.Entries);
        Assert.Equal(EntryKind.Void, entry.Kind);
        Assert.Equal(book.M(-70m), entry.Amount);
        Assert.Equal(book.M(0m), book.Balance(voided));
        Assert.Equal(LotStatus.Voided, LotSummary.StatusOf(book.Ledger.Lot(voided), book.Ledger.Position(voided), T0.AddDays(2)));
        Assert.Equal(book.M(-70m), BalanceSummary.Of(book.Ledger).PendingCreditAdjustments);
        Assert.Equal(book.M(50m), BalanceSummary.Of(book.Ledger).EstimatedBalance);
        Assert.True(new VoidLot("v1", voided, T0.AddDays(3), "again").Decide(book.Ledger).Value.Replayed);
        Assert.Equal(RefusalCode.LotVoided, new VoidLot("v2", voided, T0.AddDays(3), "again").Decide(book.Ledger).Refusal?.Code);
        Assert.Equal(RefusalCode.LotVoided, new AdjustCredit("a1", voided, book.M(5m), T0.AddDays(3), "revive").Decide(book.Ledger).Refusal?.Code);

        var drawn = book.Charge("c2", 60m, T0.AddDays(3));
        Assert.All(drawn.Change.Entries, e => Assert.Equal(other, e.LotId));
        Assert.Equal(book.M(10m), drawn.AmountDue);
        // The refund of c1 cannot go back into the voided lot it was drawn from: it goes to the payment method.
        var refunded = book.Refund("r1", "c1", null, T0.AddDays(4));
        Assert.Equal(book.M(30m), refunded.ReturnedToPaymentMethod);
        Assert.Equal(book.M(0m), book.Balance(voided));
        var events = CreditEvents.List(book.Ledger, BillingTimeZone.Utc, DateOnly.MinValue, DateOnly.MaxValue);
        var listed = Assert.Single(events, e => e.Kind == EntryKind.Void);
        Assert.Equal(CreditEventType.PendingAdjustments, listed.EventType);
        Assert.Equal(book.M(-70m), listed.Adjustments);
    }

    [Fact]
    public void A_void_refuses_an_unknown_an_empty_or_an_expired_lot()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var used = book.Grant(10m, T0, T0.AddMonths(1));
        var expiring = book.Grant(10m, T0, T0.AddMonths(2));
        book.Charge("c1", 10m, T0.AddDays(1));

        Assert.Equal(RefusalCode.LotNotFound, new VoidLot("v1", Guid.NewGuid(), T0.AddDays(2), "x").Decide(book.Ledger).Refusal?.Code);
        Assert.Equal(RefusalCode.LotEmpty, new VoidLot("v2", used, T0.AddDays(2), "x").Decide(book.Ledger).Refusal?.Code);
        Assert.Equal(RefusalCode.LotExpired, new VoidLot("v3", expiring, T0.AddMonths(2), "x").Decide(book.Ledger).Refusal?.Code);
    }

    [Fact]
    public void Adjustments_are_pending_until_settled_and_cannot_take_a_lot_below_zero()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var lot = book.Grant(100m, T0, T0.AddMonths(6));

        var tooMuch = new AdjustCredit("a0", lot, book.M(-100.01m), T0.AddDays(1), "correction").Decide(book.Ledger);
        var change = new AdjustCredit("a1", lot, book.M(-20m), T0.AddDays(1), "correction").Decide(book.Ledger).Value;

        Assert.Equal(RefusalCode.InsufficientCredit, tooMuch.Refusal?.Code);
        var ledger = book.Ledger.Apply(change);
        Assert.Equal(book.M(-20m), BalanceSummary.Of(ledger).PendingCreditAdjustments);
        Assert.Equal(book.M(80m), BalanceSummary.Of(ledger).EstimatedBalance);
        Assert.True(new AdjustCredit("a1", lot, book.M(-20m), T0.AddDays(1), "correction").Decide(ledger).Value.Replayed);
    }

    [Fact]
    public void Settling_twice_settles_nothing_new_and_only_movements_before_the_cutoff()
    {
        var book = new LedgerBuilder(Currency.CNY);
        book.Grant(100m, T0, T0.AddMonths(6));
        book.Charge("c1", 10m, T0.AddDays(1));
        book.Charge("c2", 5m, T0.AddDays(40));

        book.Settle("INV-1", T0.AddDays(31));
        var again = new SettleInvoice("INV-1", T0.AddDays(31)).Decide(book.Ledger).Value;

        Assert.True(again.IsEmpty);
        var summary = BalanceSummary.Of(book.Ledger);
        Assert.Equal(book.M(90m), summary.CurrentBalance);
        Assert.Equal(book.M(-5m), summary.PendingEligibleCharges);
    }

    [Fact]
    public void The_ledger_refuses_a_history_that_takes_a_lot_below_zero()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var lot = book.Grant(10m, T0, T0.AddMonths(6));
        var overdraw = new JournalEntry("x", EntryKind.ChargeDraw, lot, book.M(-10.01m), EntryPhase.Pending, T0, "forged");

        Assert.Throws<InvalidOperationException>(() => book.Ledger.Apply(new LedgerChange([], [overdraw])));
    }
}
