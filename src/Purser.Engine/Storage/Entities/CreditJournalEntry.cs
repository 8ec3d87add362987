using Purser.Core.Ledger;

namespace Purser.Engine.Storage.Entities;

/// <summary>
/// One immutable movement of credit (grant, draw, expiry, adjustment, refund), the stored form
/// of <see cref="Core.Ledger.JournalEntry"/>. Settling appends a settled twin; rows are never updated.
/// <see cref="Id"/> is journal order.
/// </summary>
internal sealed class CreditJournalEntry
{
    public long Id { get; set; }
    public Guid BillingAccountId { get; set; }
    public Guid BillingProfileId { get; set; }
    public Guid LotId { get; set; }
    public required string IdempotencyKey { get; set; }
    public required EntryKind Kind { get; set; }
    public required EntryPhase Phase { get; set; }
    public required string Currency { get; set; }
    public decimal Amount { get; set; }
    public required string Description { get; set; }
    public DateTime OccurredAt { get; set; }
    public string? ChargeKey { get; set; }
    public string? Settles { get; set; }
    public string? InvoiceNumber { get; set; }
}
