namespace Purser.Core.Ledger;

/// <summary>A lot's status in the lots list (R-LOTS).</summary>
public enum LotStatus
{
    Active,

    /// <summary>Active but expiring within <see cref="LotSummary.ExpiringWindow"/>.</summary>
    Expiring,

    /// <summary>Drawn down to zero before it expired.</summary>
    Used,

    Expired,

    /// <summary>An operator voided its remaining balance.</summary>
    Voided,
}
