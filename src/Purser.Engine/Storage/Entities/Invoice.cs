using Purser.Core.Invoicing;

namespace Purser.Engine.Storage.Entities;

/// <summary>One per billing profile and period: (BillingProfileId, PeriodStart) is unique. Never changed once written;
/// payments are rows of their own and the status is read from them.</summary>
internal sealed class Invoice
{
    public Guid Id { get; set; }
    public Guid BillingAccountId { get; set; }
    public Guid BillingProfileId { get; set; }
    public required string InvoiceNumber { get; set; }

    /// <summary>The issuer that numbered this invoice and its place in that issuer's gap-free sequence (R-INVNUM).</summary>
    public required string Issuer { get; set; }
    public long Sequence { get; set; }
    public required string Currency { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public DateOnly InvoiceDate { get; set; }
    public DateOnly DueDate { get; set; }

    /// <summary>The status as issued; the status today is read from the payments (<see cref="Invoicing.InvoiceBalance"/>).</summary>
    public InvoiceStatus Status { get; set; } = InvoiceStatus.Due;
    public decimal SubTotal { get; set; }
    public decimal CreditApplied { get; set; }
    public decimal TaxAmount { get; set; }
    public decimal TotalAmount { get; set; }
    public decimal AmountDue { get; set; }
    public string? PurchaseOrderNumber { get; set; }
    public DateTime CreatedAt { get; set; }
}
