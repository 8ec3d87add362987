using Purser.Engine.Billing;
using Purser.Engine.Invoicing;
using Purser.Server.Documents;
using Purser.Server.Hosting;

namespace Purser.Server.Arm.Billing;

/// <summary>
/// An invoice's documents (R-INVNUM): its PDF, under the invoice's account-scoped path and read
/// exactly like the invoice, rendered on request in the billing profile's language. The invoice is
/// immutable and its payments are rows of their own, so the PDF of a later request shows later payments.
/// </summary>
public static class InvoiceDocumentsEndpoints
{
    private const string Route = "/billingAccounts/{account}/invoices/{invoiceName}/documents/{document}.pdf";

    public static void MapInvoiceDocuments(this RouteGroupBuilder billing) =>
        billing.MapGet(Route, async (HttpContext http, string invoiceName, string document, InvoiceLineQueries lines, InvoiceSettings settings) =>
        {
            var invoice = http.Invoice();
            // The invoice's own PDF carries its number; other kinds (a void note, a credit note) would be named for themselves.
            if (!string.Equals(document, invoice.InvoiceNumber, StringComparison.Ordinal))
                return ArmError.NotFound($"Document '{document}.pdf' of invoice '{invoiceName}'");
            return await InvoicePdfFile.OfAsync(invoice, lines, settings, http.RequestAborted);
        }).RequiresScope(Permission.Read);
}
