using Purser.Core.Calendar;
using Purser.Core.Invoicing;
using Purser.Core.Monetary;
using Purser.Core.Payments;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Invoicing;

/// <summary>
/// Where an issued invoice stands now. The invoice row never changes once written (R-INVNUM): what
/// is left to pay comes from its payments, and the Core decides the status on the billing profile's
/// local day (R-CALENDAR), so an invoice turns overdue at the local midnight after its due date.
/// </summary>
internal readonly record struct InvoiceBalance(decimal Paid, decimal Remaining, InvoiceStatus Status)
{
    public static InvoiceBalance Of(Invoice invoice, decimal paid, BillingCalendar calendar, DateTimeOffset now)
    {
        var standing = InvoicePayment.Standing(Issued(invoice), new Money(paid, Currency.Parse(invoice.Currency)), calendar.DayOf(now));
        return new InvoiceBalance(standing.Paid.Amount, standing.Remaining.Amount, standing.Status);
    }

    /// <summary>The invoice row as Core's payment decisions meet it.</summary>
    public static IssuedInvoice Issued(Invoice invoice) =>
        new(invoice.InvoiceNumber, new Money(invoice.AmountDue, Currency.Parse(invoice.Currency)), invoice.DueDate, new DateTimeOffset(invoice.CreatedAt, TimeSpan.Zero));
}
