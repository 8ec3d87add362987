using Purser.Core.Calendar;
using Purser.Core.Invoicing;
using Purser.Core.Monetary;
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
        var currency = Currency.Parse(invoice.Currency);
        var status = InvoiceStanding.Of(new Money(invoice.AmountDue, currency), new Money(paid, currency), invoice.DueDate, calendar.DayOf(now), voided: false);
        return new InvoiceBalance(paid, invoice.AmountDue - paid, status);
    }
}
