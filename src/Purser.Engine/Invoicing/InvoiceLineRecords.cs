using Purser.Core.Invoicing;
using Purser.Engine.Accounts;

namespace Purser.Engine.Invoicing;

/// <summary>
/// One line item of an issued invoice with what it names: the subscription it bills and the catalog
/// item it was charged for (none for a one-off charge recorded without one).
/// </summary>
public sealed record InvoiceLineRecord(long Id, ChargeType ChargeType, ChargeType? Corrects, string Description, Guid? SubscriptionId, string? SubscriptionName,
    Guid? MeterId, string? MeterName, string? MeterCategory, string? Unit, decimal UnitPrice, decimal Quantity, decimal Amount, decimal CreditApplied,
    DateOnly StartDate, DateOnly EndDate);

/// <summary>What an invoice document prints besides the invoice itself: every line, whom it is billed to, and in which language.</summary>
public sealed record InvoicePrint(InvoiceRecord Invoice, IReadOnlyList<InvoiceLineRecord> Lines, string Language, string BillToName, PostalAddress BillTo);
