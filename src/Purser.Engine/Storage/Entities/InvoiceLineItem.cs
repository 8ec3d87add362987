using Purser.Core.Invoicing;

namespace Purser.Engine.Storage.Entities;

internal sealed class InvoiceLineItem
{
    public long Id { get; set; }
    public Guid BillingAccountId { get; set; }
    public Guid InvoiceId { get; set; }
    public Guid? ChargeId { get; set; }
    public Guid? SubscriptionId { get; set; }
    public string? PartnerId { get; set; }
    public required ChargeType ChargeType { get; set; }

    /// <summary>For a correction: the charge type of the billed line it takes back.</summary>
    public ChargeType? Corrects { get; set; }
    public required string Description { get; set; }
    public required string Currency { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal Quantity { get; set; }
    public decimal Amount { get; set; }
    public decimal CreditApplied { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
}
