using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>An operator's signed correction to one lot's credit, pending until the next invoice.</summary>
public sealed record AdjustCredit(string Key, Guid LotId, Money Amount, DateTimeOffset At, string Description)
{
    public Outcome<LedgerChange> Decide(CreditLedger ledger)
    {
        if (ledger.Contains(Key))
            return Outcome<LedgerChange>.Accept(LedgerChange.Replay);
        if (LedgerRefusals.CheckAmount(ledger, Amount, mustBePositive: false) is { } refusal)
            return refusal;
        if (Amount.IsZero)
            return Outcome<LedgerChange>.Refuse(RefusalCode.AmountZero, "An adjustment of zero changes nothing.");
        if (!ledger.Positions.TryGetValue(LotId, out var position))
            return Outcome<LedgerChange>.Refuse(RefusalCode.LotNotFound, $"No credit lot {LotId}.");
        if (position.IsVoided)
            return Outcome<LedgerChange>.Refuse(RefusalCode.LotVoided, $"Credit lot {LotId} was voided; it takes no adjustment.");
        var lot = ledger.Lot(LotId);
        if (position.HasExpired || At >= lot.ExpiresAt)
            return Outcome<LedgerChange>.Refuse(RefusalCode.LotExpired, $"Credit lot {LotId} expired on {lot.ExpiresAt:O}.");
        if ((position.Balance + Amount).IsNegative)
            return Outcome<LedgerChange>.Refuse(RefusalCode.InsufficientCredit, $"Credit lot {LotId} holds {position.Balance}; it cannot be reduced by {-Amount}.");
        var entry = new JournalEntry(Key, EntryKind.Adjustment, LotId, Amount, EntryPhase.Pending, At, Description);
        return Outcome<LedgerChange>.Accept(new LedgerChange([], [entry]));
    }
}
