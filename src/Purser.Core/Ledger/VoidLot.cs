namespace Purser.Core.Ledger;

/// <summary>
/// An operator removes what is left of one lot (credit granted in error, a promotion withdrawn): one entry takes
/// the remaining balance away, pending until the next invoice like an adjustment, and the lot takes no further
/// draw, refund or adjustment. What was already drawn from it stays drawn.
/// </summary>
public sealed record VoidLot(string Key, Guid LotId, DateTimeOffset At, string Description)
{
    public Outcome<LedgerChange> Decide(CreditLedger ledger)
    {
        if (ledger.Contains(Key))
            return Outcome<LedgerChange>.Accept(LedgerChange.Replay);
        if (!ledger.Positions.TryGetValue(LotId, out var position))
            return Outcome<LedgerChange>.Refuse(RefusalCode.LotNotFound, $"No credit lot {LotId}.");
        if (position.IsVoided)
            return Outcome<LedgerChange>.Refuse(RefusalCode.LotVoided, $"Credit lot {LotId} is already voided.");
        var lot = ledger.Lot(LotId);
        if (position.HasExpired || At >= lot.ExpiresAt)
            return Outcome<LedgerChange>.Refuse(RefusalCode.LotExpired, $"Credit lot {LotId} expired on {lot.ExpiresAt:O}; expiry already took what was left.");
        if (!position.Balance.IsPositive)
            return Outcome<LedgerChange>.Refuse(RefusalCode.LotEmpty, $"Credit lot {LotId} has nothing left to void.");
        var entry = new JournalEntry(Key, EntryKind.Void, LotId, -position.Balance, EntryPhase.Pending, At, Description);
        return Outcome<LedgerChange>.Accept(new LedgerChange([], [entry]));
    }
}
