using Purser.Core.Invoicing;

namespace Purser.Server.Documents;

/// <summary>What an invoice PDF shows; amounts are already rounded, in the invoice's currency.</summary>
public sealed record InvoiceDocument(
    string InvoiceNumber, DateOnly InvoiceDate, DateOnly DueDate, DateOnly PeriodStart, DateOnly PeriodEnd,
    InvoiceStatus Status,
    string Currency,                     // ISO 4217, e.g. "CNY"
    int MinorUnitDigits,                 // 2 for CNY, 0 for JPY, 3 for KWD
    string IssuerName, string BillToName, string BillToAddress,  // address may contain newlines
    string BillingProfileName, string? PurchaseOrderNumber,
    IReadOnlyList<InvoiceDocumentLine> Lines,
    decimal SubTotal, decimal TaxAmount, decimal Total, decimal CreditApplied, decimal AmountPaid, decimal AmountDue);

/// <summary>One line item of the invoice.</summary>
public sealed record InvoiceDocumentLine(string Description, ChargeType ChargeType, string? SubscriptionName, DateOnly StartDate, DateOnly EndDate,
    decimal Quantity, decimal UnitPrice, decimal Amount, decimal CreditApplied);
