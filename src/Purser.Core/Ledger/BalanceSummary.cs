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

    public static BalanceSummary Of(CreditLedger ledger)
    {
        var zero = Money.Zero(ledger.Currency);
        var current = ledger.Positions.Values.Aggregate(zero, (sum, p) => sum + p.ClosedBalance);
        var (charges, adjustments, expired) = (zero, zero, zero);
        foreach (var entry in ledger.PendingEntries)
        {
            switch (entry.Kind)
            {
                case EntryKind.ChargeDraw: charges += entry.Amount; break;
                case EntryKind.Adjustment or EntryKind.Refund: adjustments += entry.Amount; break;
                case EntryKind.Expiry: expired -= entry.Amount; break;
                case EntryKind.Grant: throw new InvalidOperationException($"Grant '{entry.Key}' is pending; new credit is always settled.");
            }
        }
        return new BalanceSummary(current, charges, adjustments, expired);
    }
}
