using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>
/// R-BAL, signed as the seed shows it: charges are negative, expired credit positive and
/// subtracted, so estimatedBalance = currentBalance + pendingEligibleCharges
/// + pendingCreditAdjustments − expiredCredit (997.87 + (−1.74) + 0 − 0 = 996.13).
/// </summary>
public sealed record BalanceSummary(
    Money CurrentBalance,
    Money PendingEligibleCharges,
    Money PendingCreditAdjustments,
    Money ExpiredCredit)
{
    public Money EstimatedBalance => CurrentBalance + PendingEligibleCharges + PendingCreditAdjustments - ExpiredCredit;

    public static BalanceSummary Zero(Currency currency)
    {
        var zero = Money.Zero(currency);
        return new BalanceSummary(zero, zero, zero, zero);
    }

    public static BalanceSummary Of(CreditLedger ledger)
    {
        var current = ledger.Positions.Values.Aggregate(Money.Zero(ledger.Currency), (sum, p) => sum + p.ClosedBalance);
        return ledger.PendingEntries.Aggregate(Zero(ledger.Currency) with { CurrentBalance = current }, (summary, entry) => summary.Pending(entry, entry.Amount));
    }

    /// <summary>
    /// The summary once <paramref name="change"/> is appended, from this one alone: settled movements
    /// add to the current balance, pending ones to their pending figure, and a settled twin moves its
    /// amount from the pending figure to the current balance. So a kept summary never needs the journal.
    /// </summary>
    public BalanceSummary After(LedgerChange change) =>
        change.Entries.Aggregate(this, (summary, entry) => entry switch
        {
            { IsSettlement: true } => summary.Pending(entry, -entry.Amount) with { CurrentBalance = summary.CurrentBalance + entry.Amount },
            { Phase: EntryPhase.Settled } => summary with { CurrentBalance = summary.CurrentBalance + entry.Amount },
            _ => summary.Pending(entry, entry.Amount),
        });

    private BalanceSummary Pending(JournalEntry entry, Money amount) => entry.Kind switch
    {
        EntryKind.ChargeDraw => this with { PendingEligibleCharges = PendingEligibleCharges + amount },
        EntryKind.Adjustment or EntryKind.Refund or EntryKind.Void => this with { PendingCreditAdjustments = PendingCreditAdjustments + amount },
        EntryKind.Expiry => this with { ExpiredCredit = ExpiredCredit - amount },
        _ => throw new InvalidOperationException($"{entry.Kind} '{entry.Key}' is pending; new credit is always settled."),
    };
}
