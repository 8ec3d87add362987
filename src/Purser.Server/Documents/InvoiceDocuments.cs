using Purser.Core.Monetary;
using Purser.Engine.Accounts;
using Purser.Engine.Invoicing;

namespace Purser.Server.Documents;

/// <summary>An issued invoice as its PDF shows it: the stored lines and totals, the credit applied, what payments paid and what they leave due.</summary>
public static class InvoiceDocuments
{
    public static InvoiceDocument From(InvoicePrint print, string issuerName)
    {
        ArgumentNullException.ThrowIfNull(print);
        var invoice = print.Invoice;
        return new InvoiceDocument(invoice.InvoiceNumber, invoice.InvoiceDate, invoice.DueDate, invoice.PeriodStart, invoice.PeriodEnd, invoice.Status,
            invoice.Currency, Currency.Parse(invoice.Currency).MinorUnitDigits, issuerName, print.BillToName, Address(print.BillTo),
            invoice.ProfileDisplayName, invoice.PurchaseOrderNumber,
            [.. print.Lines.Select(l => new InvoiceDocumentLine(l.Description, l.ChargeType, l.SubscriptionName, l.StartDate, l.EndDate,
                l.Quantity, l.UnitPrice, l.Amount, l.CreditApplied))],
            invoice.SubTotal, invoice.TaxAmount, invoice.TotalAmount, invoice.CreditApplied, invoice.AmountPaid, invoice.AmountDue);
    }

    // One line per part that is there: street, its second line, postal code with city and region, country.
    private static string Address(PostalAddress a) => string.Join('\n', new[]
    {
        a.AddressLine1, a.AddressLine2, string.Join(' ', new[] { a.PostalCode, a.City, a.Region }.Where(Present)), a.Country,
    }.Where(Present));

    private static bool Present(string? part) => !string.IsNullOrWhiteSpace(part);
}
