namespace Purser.Core.Invoicing;

/// <summary>The charge types of a reconciliation file (R-RECON).</summary>
public enum ChargeType
{
    Prepaid,
    Prorated,
    Reversal,
    CreditForUnusedDays,
    Usage,
}

public static class ChargeTypeRounding
{
    /// <summary>Reversals and unused-day credits give money back, so they round as credits (R-ROUND).</summary>
    public static bool IsCredit(this ChargeType type) => type is ChargeType.Reversal or ChargeType.CreditForUnusedDays;
}
