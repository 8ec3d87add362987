using Purser.Core.Invoicing;

namespace Purser.Engine.Invoicing;

/// <summary>
/// An invoice as the customer reads it: what was owed (sub-total, tax, total), how much credit
/// paid (split by where the credit came from), what payments paid, what is still due after both,
/// and where that leaves it today.
/// </summary>
public sealed record InvoiceRecord(Guid Id, string InvoiceNumber, Guid BillingAccountId, string AccountName, Guid BillingProfileId,
    string ProfileName, string ProfileDisplayName, string Currency, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly InvoiceDate,
    DateOnly DueDate, InvoiceStatus Status, decimal SubTotal, decimal TaxAmount, decimal TotalAmount, decimal AmountPaid, decimal AmountDue,
    decimal PrepaymentApplied, decimal PromotionalCreditApplied, string? PurchaseOrderNumber, IReadOnlyList<InvoicePaymentRecord> Payments)
{
    public decimal CreditApplied => PrepaymentApplied + PromotionalCreditApplied;
}

/// <summary>A payment settling (part of) an invoice.</summary>
public sealed record InvoicePaymentRecord(decimal Amount, string Currency, DateTimeOffset ReceivedAt, string Method);

/// <summary>One page of invoices and how many match in all.</summary>
public sealed record InvoicePage(IReadOnlyList<InvoiceRecord> Items, int TotalCount);

/// <summary>Invoice dates to list, both bounds inclusive; a missing bound is open.</summary>
public sealed record InvoiceDateRange(DateOnly? From, DateOnly? To)
{
    public static InvoiceDateRange All { get; } = new(null, null);
}
