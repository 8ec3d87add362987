using Purser.Engine.Invoicing;

namespace Purser.Server.Arm.Billing;

/// <summary>
/// An invoice's transactions (the SDK's <c>transactions.listByInvoice</c>): one per line item, in the
/// order the close billed them, paged like every list and read exactly like the invoice.
/// </summary>
public static class InvoiceTransactionsEndpoints
{
    public static void MapInvoiceTransactions(this RouteGroupBuilder billing) =>
        billing.MapGet("/billingAccounts/{account}/invoices/{invoiceName}/transactions", async (HttpContext http, InvoiceLineQueries lines) =>
        {
            var invoice = http.Invoice();
            var size = ArmPage.Size(http.Request);
            var page = await lines.PageAsync(invoice, ArmPage.Offset(http.Request), size + 1, http.RequestAborted);
            return ArmPage.Of(http.Request, [.. page.Select(l => TransactionShapes.Transaction(invoice, l))], size);
        }).RequiresScope(Permission.Read);
}
