using Purser.Core.Ledger;
using Purser.Core.Monetary;

namespace Purser.Core.Alerts;

/// <summary>What a credit alert threshold's value is measured in.</summary>
public enum AlertBasis
{
    /// <summary>A percentage (above 0, at most 100) of the profile's last top-up: the newest credit lot's original amount.</summary>
    PercentOfLastTopUp,

    /// <summary>An amount in the billing profile's currency.</summary>
    Amount,
}

/// <summary>
/// R-ALERT: a level of remaining credit that warns the profile's administrators when the balance
/// falls below it. A percentage follows the top-ups: after a top-up of 1,000 a 20% threshold is 200.
/// </summary>
public sealed record CreditAlertThreshold(AlertBasis Basis, decimal Value)
{
    /// <summary>What a billing profile that configured none is warned at: 20% and 5% of its last top-up.</summary>
    public static readonly IReadOnlyList<CreditAlertThreshold> Defaults = [new(AlertBasis.PercentOfLastTopUp, 20m), new(AlertBasis.PercentOfLastTopUp, 5m)];

    /// <summary>The threshold in money for a ledger: a percentage is of the newest lot, rounded as credit; with no lot it is zero.</summary>
    public Money LevelIn(CreditLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (Basis == AlertBasis.Amount)
            return new Money(Value, ledger.Currency);
        return ledger.Lots.IsEmpty ? Money.Zero(ledger.Currency) : (ledger.Lots.MaxBy(l => l.Sequence)!.OriginalAmount * (Value / 100m)).RoundAsCredit();
    }
}
