using Purser.Core.Invoicing;
using Purser.Core.Monetary;

namespace Purser.Core.Payments;

/// <summary>An issued invoice as a payment meets it: its number, what was due after credit, its due date and when it was issued.</summary>
public sealed record IssuedInvoice(string Number, Money AmountDue, DateOnly DueDate, DateTimeOffset IssuedAt);

/// <summary>Where an invoice stands after its payments: paid so far, still due, and its status.</summary>
public sealed record InvoiceStandingAfter(Money Paid, Money Remaining, InvoiceStatus Status);

/// <summary>
/// Money received against an issued invoice (R-INVNUM: payments lower what is due; the invoice never changes). A
/// payment is recorded once it has arrived, not before the invoice existed, and never for more than is still due.
/// </summary>
public static class InvoicePayment
{
    /// <summary>The invoice's standing with <paramref name="paid"/> received, on the profile's local day <paramref name="today"/>.</summary>
    public static InvoiceStandingAfter Standing(IssuedInvoice invoice, Money paid, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new(paid, invoice.AmountDue - paid, InvoiceStanding.Of(invoice.AmountDue, paid, invoice.DueDate, today, voided: false));
    }

    /// <summary>Decides a payment of <paramref name="amount"/> after <paramref name="paidBefore"/>: the standing it leaves, or why it is refused.</summary>
    public static Outcome<InvoiceStandingAfter> Receive(IssuedInvoice invoice, Money paidBefore, Money amount, DateTimeOffset receivedAt, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (receivedAt > now)
            return new Refusal(RefusalCode.InvalidField, "'receivedAt' must not be in the future: a payment is recorded once it has arrived.", "receivedAt");
        if (receivedAt < invoice.IssuedAt)
            return new Refusal(RefusalCode.InvalidField,
                $"'receivedAt' must not be before invoice {invoice.Number} was issued ({invoice.IssuedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}).", "receivedAt");
        var due = invoice.AmountDue - paidBefore;
        if (amount > due)
            return new Refusal(RefusalCode.PaymentExceedsAmountDue,
                $"Invoice {invoice.Number} has {due} left to pay; a payment of {amount} would pay more than is due.", "amount");
        return Standing(invoice, paidBefore + amount, today);
    }
}
