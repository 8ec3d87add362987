namespace Purser.Engine.Storage.Entities;

/// <summary>A billing profile's balance summary (R-BAL), kept with each ledger change so a balance read is one row.</summary>
internal sealed class CreditSummary
{
    public Guid BillingAccountId { get; set; }
    public Guid BillingProfileId { get; set; }
    public required string Currency { get; set; }
    public decimal CurrentBalance { get; set; }
    public decimal PendingEligibleCharges { get; set; }
    public decimal PendingCreditAdjustments { get; set; }
    public decimal ExpiredCredit { get; set; }
}
