namespace Purser.Core.Invoicing;

/// <summary>
/// What a line item bills: the charge types of a reconciliation file (R-RECON), a one-off charge,
/// and a correction that takes back a line billed earlier whose facts changed later (R-LATE).
/// </summary>
public enum ChargeType
{
    Prepaid,
    Prorated,
    Reversal,
    CreditForUnusedDays,
    Usage,
    OneTime,
    Correction,
}

public static class ChargeTypeRounding
{
    /// <summary>Reversals and unused-day credits give money back, so they round as credits (R-ROUND).</summary>
    public static bool IsCredit(this ChargeType type) => type is ChargeType.Reversal or ChargeType.CreditForUnusedDays;
}
