namespace Purser.Core.Ledger;

/// <summary>
/// R-DRAW: credit that expires first is used first, then credit that started first, then
/// the lot created first, so no credit expires while a longer-lived lot is being spent.
/// </summary>
public sealed class DrawOrder : IComparer<CreditLot>
{
    public static DrawOrder Instance { get; } = new();

    public int Compare(CreditLot? x, CreditLot? y)
    {
        if (ReferenceEquals(x, y))
            return 0;
        if (x is null)
            return -1;
        if (y is null)
            return 1;
        var byExpiry = x.ExpiresAt.CompareTo(y.ExpiresAt);
        if (byExpiry != 0)
            return byExpiry;
        var byStart = x.StartsAt.CompareTo(y.StartsAt);
        return byStart != 0 ? byStart : x.Sequence.CompareTo(y.Sequence);
    }
}
