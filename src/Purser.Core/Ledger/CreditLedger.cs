using System.Collections.Immutable;
using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>
/// A billing profile's credit: its lots and the append-only journal of their movements, with
/// each lot's position cached as entries are appended. Appending checks the invariants
/// (unique keys, known lots, no lot below zero) so a corrupt history cannot be loaded.
/// </summary>
/// <remarks>
/// A ledger is whole (<see cref="From"/>: every entry replayed) or open (<see cref="Open"/>: every lot
/// with its kept position, the movements no invoice has settled yet, and whatever history was asked
/// for). An open ledger answers from what it holds and notes each key or charge it was asked about
/// and does not hold in <see cref="Unseen"/>, so the engine can check the store and decide again with
/// that history loaded: a decision never rests on history that was not read.
/// </remarks>
public sealed record CreditLedger
{
    private CreditLedger(
        Currency currency,
        ImmutableList<CreditLot> lots,
        ImmutableList<JournalEntry> entries,
        ImmutableDictionary<Guid, LotPosition> positions,
        ImmutableDictionary<string, JournalEntry> byKey,
        ImmutableHashSet<string> settledKeys,
        ImmutableDictionary<Guid, CreditLot> lotsById,
        ImmutableDictionary<string, ImmutableList<JournalEntry>> byCharge,
        UnseenHistory? unseen,
        ImmutableHashSet<string> wholeCharges)
    {
        this.unseen = unseen;
        this.wholeCharges = wholeCharges;
        this.lotsById = lotsById;
        this.byCharge = byCharge;
        Currency = currency;
        Lots = lots;
        Entries = entries;
        Positions = positions;
        this.byKey = byKey;
        this.settledKeys = settledKeys;
    }

    private readonly ImmutableDictionary<string, JournalEntry> byKey;
    private readonly ImmutableHashSet<string> settledKeys;
    private readonly ImmutableDictionary<Guid, CreditLot> lotsById;
    private readonly ImmutableDictionary<string, ImmutableList<JournalEntry>> byCharge;
    private readonly UnseenHistory? unseen;
    private readonly ImmutableHashSet<string> wholeCharges;

    public Currency Currency { get; }

    /// <summary>In creation order.</summary>
    public ImmutableList<CreditLot> Lots { get; }

    /// <summary>In journal order.</summary>
    public ImmutableList<JournalEntry> Entries { get; }

    public ImmutableDictionary<Guid, LotPosition> Positions { get; }

    public long NextLotSequence => Lots.IsEmpty ? 1 : Lots[^1].Sequence + 1;

    public static CreditLedger Empty(Currency currency) =>
        new(currency, [], [], ImmutableDictionary<Guid, LotPosition>.Empty,
            ImmutableDictionary.Create<string, JournalEntry>(StringComparer.Ordinal), ImmutableHashSet.Create<string>(StringComparer.Ordinal),
            ImmutableDictionary<Guid, CreditLot>.Empty, ImmutableDictionary.Create<string, ImmutableList<JournalEntry>>(StringComparer.Ordinal),
            null, ImmutableHashSet.Create<string>(StringComparer.Ordinal));

    /// <summary>Rebuilds a ledger from stored lots and entries, checking every invariant on the way.</summary>
    public static CreditLedger From(Currency currency, IEnumerable<CreditLot> lots, IEnumerable<JournalEntry> entries) =>
        Empty(currency).Apply(new LedgerChange([.. lots.OrderBy(l => l.Sequence)], [.. entries]));

    /// <summary>
    /// A ledger of open state: every lot at its kept position and the given entries, which must hold
    /// every pending movement not yet settled (the settled twins of any other pending entry given
    /// with it). <paramref name="wholeCharges"/> are the charges all of whose movements are given.
    /// </summary>
    public static CreditLedger Open(
        Currency currency,
        IEnumerable<(CreditLot Lot, LotPosition Position)> lots,
        IEnumerable<JournalEntry> entries,
        IEnumerable<string> wholeCharges)
    {
        var ordered = lots.OrderBy(l => l.Lot.Sequence).ToImmutableArray();
        var journal = entries.ToImmutableList();
        var byKey = ImmutableDictionary.CreateBuilder<string, JournalEntry>(StringComparer.Ordinal);
        var byCharge = new Dictionary<string, ImmutableList<JournalEntry>.Builder>(StringComparer.Ordinal);
        var settled = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var entry in journal)
        {
            byKey.Add(entry.Key, entry);
            if (entry.IsSettlement)
                settled.Add(entry.Settles!);
            else if (entry.ChargeKey is { } charge)
                (byCharge.TryGetValue(charge, out var list) ? list : byCharge[charge] = ImmutableList.CreateBuilder<JournalEntry>()).Add(entry);
        }
        return new CreditLedger(
            currency,
            [.. ordered.Select(l => l.Lot)],
            journal,
            ordered.ToImmutableDictionary(l => l.Lot.Id, l => l.Position),
            byKey.ToImmutable(),
            settled.ToImmutable(),
            ordered.ToImmutableDictionary(l => l.Lot.Id, l => l.Lot),
            byCharge.ToImmutableDictionary(c => c.Key, c => c.Value.ToImmutable(), StringComparer.Ordinal),
            new UnseenHistory(),
            wholeCharges.ToImmutableHashSet(StringComparer.Ordinal));
    }

    /// <summary>True for a ledger of open state, which holds only part of the journal.</summary>
    public bool IsOpenState => unseen is not null;

    /// <summary>The keys and charges this open ledger was asked about and does not hold (empty for a whole ledger).</summary>
    public UnseenHistory Unseen => unseen ?? UnseenHistory.None;

    /// <summary>The journal's movements this ledger holds, by key.</summary>
    public IReadOnlyDictionary<string, JournalEntry> HeldEntries => byKey;

    public bool Contains(string key)
    {
        if (byKey.ContainsKey(key))
            return true;
        unseen?.Key(key);
        return false;
    }

    public JournalEntry? Entry(string key) => Contains(key) ? byKey[key] : null;

    /// <summary>True once a settled twin of the pending entry <paramref name="key"/> was appended.</summary>
    public bool IsSettled(string key) => settledKeys.Contains(key);

    public CreditLot Lot(Guid id) => lotsById.TryGetValue(id, out var lot) ? lot : throw new KeyNotFoundException($"No credit lot {id}.");

    /// <summary>The draws and refunds written for a charge, in journal order (settled twins excluded).</summary>
    public ImmutableList<JournalEntry> EntriesForCharge(string chargeKey)
    {
        if (!wholeCharges.Contains(chargeKey))
            unseen?.Charge(chargeKey);
        return byCharge.GetValueOrDefault(chargeKey, []);
    }

    /// <summary>The lots list (R-LOTS) as of <paramref name="now"/>, in creation order.</summary>
    public IEnumerable<LotSummary> LotSummaries(DateTimeOffset now) => Lots.Select(l => LotSummary.Of(l, Positions[l.Id], now));

    public LotPosition Position(Guid lotId) => Positions[lotId];

    /// <summary>How much of the charge <paramref name="chargeKey"/> credit paid: the one answer every view and invoice uses.</summary>
    public Money CoveredByCredit(string chargeKey) => CreditCover.Of(EntriesForCharge(chargeKey), Currency);

    /// <summary>Pending entries no invoice has settled yet, in journal order.</summary>
    public IEnumerable<JournalEntry> PendingEntries =>
        Entries.Where(e => e.Phase == EntryPhase.Pending && !settledKeys.Contains(e.Key));

    public CreditLedger Apply(LedgerChange change)
    {
        var lots = Lots.ToBuilder();
        var positions = Positions.ToBuilder();
        var keys = byKey.ToBuilder();
        var settled = settledKeys.ToBuilder();
        var lotIndex = lotsById.ToBuilder();
        var charges = byCharge.ToBuilder();
        foreach (var lot in change.NewLots)
        {
            if (positions.ContainsKey(lot.Id))
                throw new InvalidOperationException($"Credit lot {lot.Id} already exists.");
            RequireCurrency(lot.OriginalAmount);
            lots.Add(lot);
            lotIndex[lot.Id] = lot;
            positions[lot.Id] = LotPosition.Zero(Currency);
        }
        foreach (var entry in change.Entries)
        {
            RequireCurrency(entry.Amount);
            if (!keys.TryAdd(entry.Key, entry))
                throw new InvalidOperationException($"Journal key '{entry.Key}' is already used.");
            if (!positions.TryGetValue(entry.LotId, out var position))
                throw new InvalidOperationException($"Entry '{entry.Key}' names unknown credit lot {entry.LotId}.");
            positions[entry.LotId] = entry.IsSettlement ? Settle(entry, keys, settled, position) : position.Apply(entry);
            if (positions[entry.LotId].Balance.IsNegative)
                throw new InvalidOperationException($"Entry '{entry.Key}' takes credit lot {entry.LotId} below zero.");
            if (entry.ChargeKey is { } chargeKey && !entry.IsSettlement)
                charges[chargeKey] = charges.GetValueOrDefault(chargeKey, []).Add(entry);
        }
        return new CreditLedger(Currency, lots.ToImmutable(), Entries.AddRange(change.Entries), positions.ToImmutable(), keys.ToImmutable(),
            settled.ToImmutable(), lotIndex.ToImmutable(), charges.ToImmutable(), unseen, wholeCharges);
    }

    private static LotPosition Settle(
        JournalEntry twin,
        ImmutableDictionary<string, JournalEntry>.Builder keys,
        ImmutableHashSet<string>.Builder settled,
        LotPosition position)
    {
        if (!keys.TryGetValue(twin.Settles!, out var pending) || pending.Phase != EntryPhase.Pending)
            throw new InvalidOperationException($"Entry '{twin.Key}' settles '{twin.Settles}', which is not a pending entry.");
        if (pending.Amount != twin.Amount || pending.LotId != twin.LotId || pending.Kind != twin.Kind || twin.Phase != EntryPhase.Settled)
            throw new InvalidOperationException($"Entry '{twin.Key}' does not match the pending entry it settles.");
        if (!settled.Add(pending.Key))
            throw new InvalidOperationException($"Pending entry '{pending.Key}' is already settled.");
        return position.Settle(twin);
    }

    private void RequireCurrency(Money amount)
    {
        if (amount.Currency != Currency)
            throw new InvalidOperationException($"This ledger holds {Currency}, not {amount.Currency}.");
    }
}
