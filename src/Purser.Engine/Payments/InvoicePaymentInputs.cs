using System.ComponentModel.DataAnnotations;
using Purser.Core.Invoicing;
using Purser.Core.Monetary;

namespace Purser.Engine.Payments;

/// <summary>Money received against an issued invoice: how much, how it came, and when (default: now).</summary>
public sealed record NewInvoicePayment([property: Required] decimal? Amount, [property: Required] string? Method, DateTimeOffset? ReceivedAt);

/// <summary>A payment recorded on an invoice, and where the invoice stands with it: paid so far, still due, status.</summary>
public sealed record InvoicePaymentView(Guid Id, Guid InvoiceId, string InvoiceNumber, Money Amount, string Method,
    DateTimeOffset ReceivedAt, Money AmountPaid, Money AmountDue, InvoiceStatus Status);
