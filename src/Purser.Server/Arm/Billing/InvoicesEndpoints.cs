using Purser.Engine.Accounts;
using Purser.Engine.Invoicing;
using Purser.Server.Hosting;

namespace Purser.Server.Arm.Billing;

/// <summary>
/// Invoices of a billing profile (period required) and of a billing account (period optional; a
/// caller with profile roles only sees their profiles' invoices), and one invoice by name.
/// </summary>
public static class InvoicesEndpoints
{
    private const string Account = "/billingAccounts/{account}";

    public static void MapInvoices(this RouteGroupBuilder billing)
    {
        billing.MapGet(Account + "/billingProfiles/{profile}/invoices", async (HttpContext http, InvoiceQueries invoices, AccountQueries accounts) =>
        {
            var scope = http.Scope();
            if (await accounts.FindProfileAsync(scope.AccountId, scope.ProfileName!, http.RequestAborted) is not { } record)
                return ArmError.NotFound($"Billing profile '{scope.ProfileName}'");
            var (range, invalid) = InvoicePeriod.Read(http.Request, required: true, [record]);
            return invalid ?? await ListAsync(http, [record.Id], range!, invoices);
        }).RequiresScope(Permission.Read);

        billing.MapGet(Account + "/invoices", async (HttpContext http, InvoiceQueries invoices) =>
        {
            var reach = http.Reach();
            var (range, invalid) = InvoicePeriod.Read(http.Request, required: false, reach.ReadableProfiles);
            return invalid ?? await ListAsync(http, reach.ReadableProfileIds, range!, invoices);
        }).RequiresScope(Permission.ReadSome);

        billing.MapGet(Account + "/invoices/{invoiceName}", (HttpContext http) => Results.Json(InvoiceShapes.Invoice(http.Request, http.Invoice())))
            .RequiresScope(Permission.Read);
    }

    private static async Task<IResult> ListAsync(HttpContext http, IReadOnlyCollection<Guid> profiles, InvoiceDateRange range, InvoiceQueries invoices)
    {
        var size = ArmPage.Size(http.Request);
        var page = await invoices.OfProfilesAsync(profiles, range, ArmPage.Offset(http.Request), size + 1, http.RequestAborted);
        return InvoiceList.Of(http.Request, page, size);
    }
}
