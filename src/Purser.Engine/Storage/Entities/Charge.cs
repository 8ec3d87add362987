using Purser.Core.Invoicing;

namespace Purser.Engine.Storage.Entities;

/// <summary>What is owed: a priced line, pending until a billing run puts it on an invoice.</summary>
internal sealed class Charge
{
    public Guid Id { get; set; }
    public Guid BillingAccountId { get; set; }
    public Guid BillingProfileId { get; set; }
    public Guid? SubscriptionId { get; set; }
    public Guid? MeterId { get; set; }
    public required ChargeType ChargeType { get; set; }
    public required string Description { get; set; }
    public required string Currency { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Quantity { get; set; }
    public decimal Amount { get; set; }
    public bool CreditEligible { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public required string IdempotencyKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? InvoiceId { get; set; }
}
