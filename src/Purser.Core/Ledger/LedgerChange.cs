using System.Collections.Immutable;

namespace Purser.Core.Ledger;

/// <summary>
/// What a ledger command decided: new lots and journal entries for the engine to persist in
/// one transaction. <see cref="Replayed"/> means the command's key was seen before and nothing is new.
/// </summary>
public sealed record LedgerChange(ImmutableArray<CreditLot> NewLots, ImmutableArray<JournalEntry> Entries, bool Replayed = false)
{
    public static LedgerChange None { get; } = new([], []);

    public static LedgerChange Replay { get; } = new([], [], Replayed: true);

    public bool IsEmpty => NewLots.IsEmpty && Entries.IsEmpty;
}
