namespace Purser.Engine.Storage.Entities;

/// <summary>
/// A grant of credit to a billing profile. Its position (the running totals of
/// <see cref="Core.Ledger.LotPosition"/> and the balances they give) is kept with the entry that
/// changed it, so no read replays the journal; <c>purser verify-ledger</c> checks it against the journal.
/// </summary>
internal sealed class CreditLot
{
    public Guid Id { get; set; }
    public Guid BillingAccountId { get; set; }
    public Guid BillingProfileId { get; set; }
    public Guid? SubscriptionId { get; set; }
    public long Sequence { get; set; }
    public required string Source { get; set; }
    public required string Currency { get; set; }
    public decimal OriginalAmount { get; set; }
    public decimal Granted { get; set; }
    public decimal Drawn { get; set; }
    public decimal Expired { get; set; }
    public decimal Adjusted { get; set; }
    public decimal Refunded { get; set; }
    public decimal Voided { get; set; }
    public decimal ClosedBalance { get; set; }
    public decimal CurrentBalance { get; set; }
    public DateTime StartDate { get; set; }
    public DateTime ExpirationDate { get; set; }
    public string? PoNumber { get; set; }
    public DateTime CreatedAt { get; set; }
}
