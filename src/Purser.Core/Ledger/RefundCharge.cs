using System.Collections.Immutable;
using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>
/// Refunds (part of) a charge: <see cref="Amount"/>, or the whole charge when null, and never more than
/// <see cref="Charged"/> less what was <see cref="RefundedBefore"/>. Credit goes back to the lots the charge drew
/// from, longest-lived first (the reverse of R-DRAW), never more than each gave and never into expired or voided
/// credit; whatever the lots cannot take back is refunded to the payment method.
/// </summary>
public sealed record RefundCharge(string Key, string ChargeKey, Money Charged, Money RefundedBefore, Money? Amount, DateTimeOffset At, string Description)
{
    public Outcome<ChargeRefunded> Decide(CreditLedger ledger)
    {
        // R-ROUND: a refund is a credit, so it rounds toward zero before anything else.
        var refund = (Amount ?? Charged).RoundAsCredit();
        if (LedgerRefusals.CheckAmount(ledger, refund) is { } refusal)
            return refusal;
        var earlier = ledger.EntriesForCharge(ChargeKey).Where(e => e.Kind == EntryKind.Refund && e.Key.StartsWith(Key + "/", StringComparison.Ordinal)).ToImmutableArray();
        if (!earlier.IsEmpty)
        {
            var returned = earlier.Aggregate(Money.Zero(refund.Currency), (sum, e) => sum + e.Amount);
            return Outcome<ChargeRefunded>.Accept(new ChargeRefunded(LedgerChange.Replay, returned, refund - returned));
        }
        var refundable = Charged - RefundedBefore;
        if (refund > refundable)
            return Outcome<ChargeRefunded>.Refuse(RefusalCode.RefundExceedsCharge,
                $"The charge of {Charged} has {refundable} left to refund; a refund of {refund} would return more than was charged.");

        var entries = ImmutableArray.CreateBuilder<JournalEntry>();
        var left = refund;
        foreach (var lot in ledger.Lots.Order(DrawOrder.Instance).Reverse())
        {
            if (left.IsZero)
                break;
            var position = ledger.Position(lot.Id);
            if (position.HasExpired || position.IsVoided || At >= lot.ExpiresAt)
                continue;
            var takesBack = Money.Min(left, RefundableFrom(ledger, lot.Id));
            if (!takesBack.IsPositive)
                continue;
            entries.Add(new JournalEntry($"{Key}/{lot.Id:N}", EntryKind.Refund, lot.Id, takesBack, EntryPhase.Pending, At, Description, ChargeKey: ChargeKey));
            left -= takesBack;
        }
        return Outcome<ChargeRefunded>.Accept(new ChargeRefunded(new LedgerChange([], entries.ToImmutable()), refund - left, left));
    }

    private Money RefundableFrom(CreditLedger ledger, Guid lotId) =>
        ledger.EntriesForCharge(ChargeKey)
            .Where(e => e.LotId == lotId)
            .Aggregate(Money.Zero(ledger.Currency), (sum, e) => e.Kind switch
            {
                EntryKind.ChargeDraw => sum - e.Amount,
                EntryKind.Refund => sum - e.Amount,
                _ => sum,
            });
}
