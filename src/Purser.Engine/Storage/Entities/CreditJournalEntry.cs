namespace Purser.Engine.Storage.Entities;

/// <summary>
/// One immutable movement of credit (grant, draw, expiry, adjustment, refund). Pending entries
/// become settled when an invoice closes; only <see cref="InvoiceId"/> is ever set afterwards.
/// </summary>
public sealed class CreditJournalEntry
{
    public long Id { get; set; }
    public Guid BillingAccountId { get; set; }
    public Guid BillingProfileId { get; set; }
    public Guid? LotId { get; set; }
    public Guid? ChargeId { get; set; }
    public required string Kind { get; set; }
    public required string Currency { get; set; }
    public decimal Amount { get; set; }
    public required string Description { get; set; }
    public required string IdempotencyKey { get; set; }
    public DateTime OccurredAt { get; set; }
    public Guid? InvoiceId { get; set; }
}
