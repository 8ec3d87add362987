using Purser.Engine.Access;
using Purser.Engine.Invoicing;
using Purser.Server.Hosting;
using Purser.Server.Hosting.Security;

namespace Purser.Server.Arm.Billing;

/// <summary>
/// One invoice by its name under a billing account, as the SDK addresses an invoice, its transactions
/// and its documents (R-ROLES): another tenant's account is not found, and the invoice is judged at
/// its own billing profile, so an invoice manager reads their invoices through account-scoped paths.
/// </summary>
public static class InvoiceAccess
{
    /// <summary>The invoice, or the ARM error to answer with (404 unknown or another tenant's, 403 without a role on its profile).</summary>
    public static async Task<(InvoiceRecord? Invoice, IResult? Denied)> ReadableAsync(HttpContext http, string account, string invoiceName)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (await AccountReach.FindAsync(http, account) is not { } reach)
            return (null, AccountReach.NotFound(account));
        var invoices = http.RequestServices.GetRequiredService<InvoiceQueries>();
        var invoice = await invoices.FindAsync(reach.Account.Id, invoiceName, http.RequestAborted);
        if (invoice is null)
            return (null, ArmError.NotFound($"Invoice '{invoiceName}'"));
        var scope = new BillingScope(invoice.BillingAccountId, invoice.AccountName, invoice.BillingProfileId, invoice.ProfileName, invoice.Currency);
        var denied = CallerAccess.Deny(AccessRules.ReadBilling(http.Caller(), scope), $"Invoice '{invoiceName}'");
        return denied is null ? (invoice, null) : (null, denied);
    }
}
