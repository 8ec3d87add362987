namespace Purser.Core.Ledger;

/// <summary>
/// What a decision asked an open ledger about that it did not hold: journal keys and charges. The
/// engine looks each up in the store; if any exists, it loads that history and decides again.
/// </summary>
public sealed class UnseenHistory
{
    internal static UnseenHistory None { get; } = new();

    private readonly HashSet<string> keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> charges = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => keys;

    public IReadOnlyCollection<string> Charges => charges;

    public bool IsEmpty => keys.Count == 0 && charges.Count == 0;

    internal void Key(string key) => keys.Add(key);

    internal void Charge(string chargeKey) => charges.Add(chargeKey);
}
