using Purser.Core.Invoicing;

namespace Purser.Engine.Invoicing;

/// <summary>One invoice line item with its invoice (R-DOWNLOAD billing history): what was billed, when, and how much credit paid for it.</summary>
public sealed record BillingHistoryLine(
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    Guid? SubscriptionId,
    string? SubscriptionName,
    string Description,
    ChargeType ChargeType,
    DateOnly ServiceStart,
    DateOnly ServiceEnd,
    decimal UnitPrice,
    decimal Quantity,
    decimal Amount,
    decimal CreditApplied,
    string Currency);
