using Purser.Core.Invoicing;
using Purser.Core.Lifecycle;
using Purser.Engine.Payments;

namespace Purser.Server.Operator;

/// <summary>A prepaid subscription's payment as the operator API answers it: amounts as numbers beside their currency's code.</summary>
public sealed record PaymentReply(Guid Id, Guid SubscriptionId, decimal Amount, string Currency, string Method, Guid LotId, decimal Credit,
    DateTimeOffset CreditExpiresAt, OfferType OfferType, SubscriptionState SubscriptionState, bool NeedsReconfiguration)
{
    public static PaymentReply Of(PaymentView p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.SubscriptionId, p.Amount.Amount, p.Amount.Currency.Code, p.Method, p.LotId, p.Credit.Amount, p.CreditExpiresAt,
            p.OfferType, p.SubscriptionState, p.NeedsReconfiguration);
    }
}

/// <summary>A payment recorded on an invoice, and where the invoice stands with it.</summary>
public sealed record InvoicePaymentReply(Guid Id, Guid InvoiceId, string InvoiceNumber, decimal Amount, string Currency, string Method,
    DateTimeOffset ReceivedAt, decimal AmountPaid, decimal AmountDue, InvoiceStatus Status)
{
    public static InvoicePaymentReply Of(InvoicePaymentView p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.InvoiceId, p.InvoiceNumber, p.Amount.Amount, p.Amount.Currency.Code, p.Method, p.ReceivedAt,
            p.AmountPaid.Amount, p.AmountDue.Amount, p.Status);
    }
}
