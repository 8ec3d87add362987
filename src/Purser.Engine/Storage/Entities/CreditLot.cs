namespace Purser.Engine.Storage.Entities;

/// <summary>
/// A grant of credit to a billing profile. The balances are caches of the journal, kept with
/// the entry that changed them.
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
    public decimal ClosedBalance { get; set; }
    public decimal CurrentBalance { get; set; }
    public DateTime StartDate { get; set; }
    public DateTime ExpirationDate { get; set; }
    public string? PoNumber { get; set; }
    public DateTime CreatedAt { get; set; }
}
