using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>
/// A lot's running totals, kept with the journal so no balance is recomputed from history.
/// Drawn, Expired and Voided are magnitudes; Adjusted and Refunded are signed additions.
/// </summary>
public readonly record struct LotPosition(Money Granted, Money Drawn, Money Expired, Money Adjusted, Money Refunded, Money Closed, Money Voided)
{
    public static LotPosition Zero(Currency currency)
    {
        var zero = Money.Zero(currency);
        return new(zero, zero, zero, zero, zero, zero, zero);
    }

    /// <summary>Credit left after every movement, pending or settled.</summary>
    public Money Balance => Granted + Adjusted + Refunded - Drawn - Expired - Voided;

    /// <summary>Credit left as of the last invoice: settled movements only.</summary>
    public Money ClosedBalance => Closed;

    public bool HasExpired => Expired.IsPositive;

    /// <summary>An operator voided what was left: the lot draws, takes back and is adjusted no more.</summary>
    public bool IsVoided => Voided.IsPositive;

    internal LotPosition Apply(JournalEntry entry) => (entry.Kind switch
    {
        EntryKind.Grant => this with { Granted = Granted + entry.Amount },
        EntryKind.ChargeDraw => this with { Drawn = Drawn - entry.Amount },
        EntryKind.Expiry => this with { Expired = Expired - entry.Amount },
        EntryKind.Adjustment => this with { Adjusted = Adjusted + entry.Amount },
        EntryKind.Refund => this with { Refunded = Refunded + entry.Amount },
        EntryKind.Void => this with { Voided = Voided - entry.Amount },
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Kind, "Unknown entry kind."),
    }).SettleIf(entry.Phase == EntryPhase.Settled, entry);

    internal LotPosition Settle(JournalEntry settled) => this with { Closed = Closed + settled.Amount };

    private LotPosition SettleIf(bool settled, JournalEntry entry) => settled ? Settle(entry) : this;
}
