using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>
/// Adds a credit lot. New credit is settled at once: money already received or promised
/// counts in the current balance without waiting for an invoice.
/// </summary>
public sealed record GrantCredit(
    string Key,
    Guid LotId,
    Money Amount,
    string Source,
    DateTimeOffset StartsAt,
    DateTimeOffset ExpiresAt,
    string PoNumber = "")
{
    public Outcome<LedgerChange> Decide(CreditLedger ledger)
    {
        if (ledger.Contains(Key))
            return Outcome<LedgerChange>.Accept(LedgerChange.Replay);
        if (LedgerRefusals.CheckAmount(ledger, Amount) is { } refusal)
            return refusal;
        if (ExpiresAt <= StartsAt)
            return Outcome<LedgerChange>.Refuse(RefusalCode.LotExpiresBeforeStart, $"Credit cannot expire ({ExpiresAt:O}) before it starts ({StartsAt:O}).");
        if (ledger.Positions.ContainsKey(LotId))
            return Outcome<LedgerChange>.Refuse(RefusalCode.LotExists, $"Credit lot {LotId} already exists.");
        var lot = new CreditLot(LotId, ledger.NextLotSequence, Amount, Source, StartsAt, ExpiresAt, PoNumber);
        var entry = new JournalEntry(Key, EntryKind.Grant, LotId, Amount, EntryPhase.Settled, StartsAt,
            $"New credit added on {StartsAt:yyyy-MM-dd}");
        return Outcome<LedgerChange>.Accept(new LedgerChange([lot], [entry]));
    }
}
