using System.Collections.Immutable;

namespace Purser.Core.Ledger;

/// <summary>
/// Writes off what is left in every lot whose expiration has passed. Running it again, or
/// after more time passes, adds only lots that expired since.
/// </summary>
public sealed record ExpireCredit(DateTimeOffset Now)
{
    public LedgerChange Decide(CreditLedger ledger)
    {
        var entries = ImmutableArray.CreateBuilder<JournalEntry>();
        foreach (var lot in ledger.Lots)
        {
            var position = ledger.Position(lot.Id);
            var key = KeyFor(lot);
            if (lot.ExpiresAt > Now || !position.Balance.IsPositive || ledger.Contains(key))
                continue;
            entries.Add(new JournalEntry(key, EntryKind.Expiry, lot.Id, -position.Balance, EntryPhase.Pending, lot.ExpiresAt,
                $"Credit expired on {lot.ExpiresAt:yyyy-MM-dd}"));
        }
        return entries.Count == 0 ? LedgerChange.None : new LedgerChange([], entries.ToImmutable());
    }

    public static string KeyFor(CreditLot lot) => $"expiry/{lot.Id:N}";
}
