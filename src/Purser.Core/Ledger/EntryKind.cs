namespace Purser.Core.Ledger;

/// <summary>The movements a credit journal records.</summary>
public enum EntryKind
{
    /// <summary>New credit: a lot is created with its original amount.</summary>
    Grant,

    /// <summary>Part of a charge paid from one lot.</summary>
    ChargeDraw,

    /// <summary>What was left in a lot when it expired.</summary>
    Expiry,

    /// <summary>A signed correction of a lot's credit.</summary>
    Adjustment,

    /// <summary>Credit given back to a lot a refunded charge had drawn from.</summary>
    Refund,

    /// <summary>What was left in a lot when an operator voided it; a voided lot takes no further movement.</summary>
    Void,
}
