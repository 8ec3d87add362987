using FsCheck.Xunit;
using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Monetary;

namespace Purser.Core.Tests.Ledger;

/// <summary>
/// Ledger invariants over thousands of random histories: no lot below zero, money conserved
/// to the cent (granted + adjusted = remaining + drawn + expired + voided), R-DRAW order respected,
/// and the balance views agreeing with the journal.
/// </summary>
[Properties(Arbitrary = [typeof(LedgerScript)], MaxTest = 2000)]
public class LedgerProperties
{
    [Property]
    public void Money_is_conserved_and_no_lot_goes_below_zero(LedgerScript script)
    {
        var book = Run(script, (_, _) => { });
        var ledger = book.Ledger;
        var zero = Money.Zero(ledger.Currency);

        Money Sum(EntryKind kind) => ledger.Entries.Where(e => e.Kind == kind && !e.IsSettlement).Aggregate(zero, (s, e) => s + e.Amount);
        var granted = Sum(EntryKind.Grant);
        var adjusted = Sum(EntryKind.Adjustment) + Sum(EntryKind.Refund);
        var drawn = -Sum(EntryKind.ChargeDraw);
        var expired = -Sum(EntryKind.Expiry);
        var voided = -Sum(EntryKind.Void);
        var remaining = ledger.Lots.Aggregate(zero, (s, l) => s + BalanceFromJournal(ledger, l.Id));

        Assert.Equal(granted + adjusted, remaining + drawn + expired + voided);
        Assert.All(ledger.Lots, l => Assert.False(BalanceFromJournal(ledger, l.Id).IsNegative));
        Assert.All(ledger.Lots, l => Assert.Equal(BalanceFromJournal(ledger, l.Id), ledger.Position(l.Id).Balance));
        Assert.Equal(remaining, BalanceSummary.Of(ledger).EstimatedBalance);
        Assert.Equal(remaining, CreditEvents.List(ledger, BillingTimeZone.Utc, DateOnly.MinValue, DateOnly.MaxValue).LastOrDefault()?.ClosedBalance ?? zero);
    }

    [Property]
    public void Every_charge_is_paid_exactly_once_in_draw_order(LedgerScript script)
    {
        Run(script, (before, charge) =>
        {
            var (command, drawn) = charge;
            var after = before.Apply(drawn.Change);
            Assert.Equal(command.Amount, drawn.CoveredByCredit + drawn.AmountDue);
            Assert.False(drawn.AmountDue.IsNegative);
            Assert.Equal(drawn.CoveredByCredit, -drawn.Change.Entries.Aggregate(Money.Zero(before.Currency), (s, e) => s + e.Amount));
            if (!command.CreditEligible)
                Assert.Empty(drawn.Change.Entries);
            var usable = before.Lots.Where(l => l.IsUsableAt(command.At) && !before.Position(l.Id).HasExpired).OrderBy(l => l.ExpiresAt).ThenBy(l => l.StartsAt).ThenBy(l => l.Sequence).ToList();
            var drawnLots = drawn.Change.Entries.Select(e => e.LotId).ToHashSet();
            // Any lot left with credit must come after every lot the charge touched.
            var lastTouched = usable.FindLastIndex(l => drawnLots.Contains(l.Id));
            for (var i = 0; i < lastTouched; i++)
                Assert.True(after.Position(usable[i].Id).Balance.IsZero, $"Lot {i} kept credit while a later lot was drawn.");
            if (command.CreditEligible && drawn.AmountDue.IsPositive)
                Assert.All(usable, l => Assert.True(after.Position(l.Id).Balance.IsZero));
        });
    }

    [Property]
    public void Closed_balances_sum_to_the_current_balance_and_settled_twins_never_double_count(LedgerScript script)
    {
        var ledger = Run(script, (_, _) => { }).Ledger;
        var zero = Money.Zero(ledger.Currency);

        var settledFromJournal = ledger.Entries
            .Where(e => e.Phase == EntryPhase.Settled)
            .Aggregate(zero, (s, e) => s + e.Amount);

        Assert.Equal(settledFromJournal, BalanceSummary.Of(ledger).CurrentBalance);
        Assert.Equal(ledger.Entries.Count(e => e.IsSettlement), ledger.Entries.Where(e => e.IsSettlement).Select(e => e.Settles).Distinct().Count());
    }

    private static Money BalanceFromJournal(CreditLedger ledger, Guid lot) =>
        ledger.Entries.Where(e => e.LotId == lot && !e.IsSettlement).Aggregate(Money.Zero(ledger.Currency), (s, e) => s + e.Amount);

    private static LedgerBuilder Run(LedgerScript script, Action<CreditLedger, (DrawCharge, ChargeDrawn)> onCharge)
    {
        var book = new LedgerBuilder(Currency.CNY);
        var lots = new List<Guid>();
        var charges = new List<string>();
        var n = 0;
        foreach (var step in script.Steps)
        {
            n++;
            switch (step)
            {
                case GrantStep g:
                    lots.Add(book.Grant(g.Cents / 100m, LedgerScript.Day(g.StartDay), LedgerScript.Day(g.StartDay + g.Days)));
                    break;
                case ChargeStep c:
                    var command = new DrawCharge($"charge-{n}", book.M(c.Cents / 100m), c.Eligible, LedgerScript.Day(c.Day), "usage",
                        c.Settled ? EntryPhase.Settled : EntryPhase.Pending);
                    var drawn = command.Decide(book.Ledger).Value;
                    onCharge(book.Ledger, (command, drawn));
                    book.Charge(command.Key, command.Amount.Amount, command.At, command.CreditEligible, command.Phase);
                    charges.Add(command.Key);
                    break;
                case ExpireStep e:
                    book.Expire(LedgerScript.Day(e.Day));
                    break;
                case RefundStep r when charges.Count > 0:
                    book.TryRefund($"refund-{n}", charges[r.ChargeIndex % charges.Count], r.Cents / 100m, LedgerScript.Day(r.Day));
                    break;
                case AdjustStep a when lots.Count > 0 && a.Cents != 0:
                    var adjusted = new AdjustCredit($"adjust-{n}", lots[a.LotIndex % lots.Count], book.M(a.Cents / 100m), LedgerScript.Day(a.Day), "adjustment").Decide(book.Ledger);
                    if (adjusted.IsAccepted)
                        book.Apply(adjusted.Value);
                    break;
                case VoidStep v when lots.Count > 0:
                    var voided = new VoidLot($"void-{n}", lots[v.LotIndex % lots.Count], LedgerScript.Day(v.Day), "voided").Decide(book.Ledger);
                    if (voided.IsAccepted)
                        book.Apply(voided.Value);
                    break;
                case SettleStep s:
                    book.Settle($"INV-{n}", LedgerScript.Day(s.Day));
                    break;
            }
        }
        return book;
    }
}
