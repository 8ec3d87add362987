namespace Purser.Engine.Credits;

/// <summary>History beyond a ledger's open state that a change turned out to need: journal keys, and charges wanted whole.</summary>
internal sealed record LedgerNeeds(IReadOnlySet<string> Keys, IReadOnlySet<string> Charges)
{
    public static LedgerNeeds None { get; } = new(new HashSet<string>(), new HashSet<string>());

    public bool IsEmpty => Keys.Count == 0 && Charges.Count == 0;

    public LedgerNeeds With(LedgerNeeds more) => new(
        Keys.Union(more.Keys, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal),
        Charges.Union(more.Charges, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal));
}
