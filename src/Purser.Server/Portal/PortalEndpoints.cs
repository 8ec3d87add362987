using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Purser.Engine.Access;
using Purser.Engine.Billing;
using Purser.Engine.Invoicing;
using Purser.Engine.Usage;
using Purser.Server.Documents;
using Purser.Server.Downloads;
using Purser.Server.Hosting.Security;
using Purser.Server.Portal.Components;

namespace Purser.Server.Portal;

/// <summary>Mounts the portal under /portal and sends browsers there from /; the API's own paths are untouched.</summary>
internal static class PortalEndpoints
{
    public static void UsePortalRequestCulture(this WebApplication app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/portal", StringComparison.OrdinalIgnoreCase), portal => portal.UseRequestLocalization());

    public static void MapPortal(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>();
        app.MapGet("/", (HttpContext http) => WantsPage(http.Request)
                ? Results.Redirect("/portal")
                : Results.Challenge(authenticationSchemes: [TokenAuthentication.SchemeName]))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/portal/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(PortalServices.Scheme);
            return Results.Redirect("/portal/signin");
        }).RequireAuthorization(PortalServices.UserPolicy).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        // The invoice's PDF behind the portal's cookie: the API's own rendering, refused as the invoice page is (R-DOWNLOAD, R-ROLES).
        app.MapGet("/portal/profiles/{profileId:guid}/invoices/{invoiceNumber}/pdf", async (HttpContext http, Guid profileId, string invoiceNumber,
            PortalAccess access, InvoiceLineQueries lines, InvoiceSettings settings) =>
        {
            var (decision, _, invoice) = await access.InvoiceAsync(http, profileId, invoiceNumber);
            return invoice is null ? PortalRefusal.Of(decision) : await InvoicePdfFile.OfAsync(invoice, lines, settings, http.RequestAborted);
        }).RequireAuthorization(PortalServices.UserPolicy).ExcludeFromDescription();
        // The API's CSV downloads for the cookie's caller, chosen in one form field (R-DOWNLOAD): the same files, refused by the same rules.
        // A bad range goes back to the form, which says what is wrong with it, instead of leaving the page for the API's error body.
        app.MapGet("/portal/downloads/usage.csv", async (HttpContext http, string? scope, PortalAccess access, UsageDetailQueries usage) =>
                await access.CallerAsync(http) is not { } caller ? PortalRefusal.Of(AccessDecision.NotFound)
                : BackToTheForm(http) ?? await DownloadsApi.UsageCsvAsync(http, caller, DownloadScope.Chosen(scope), usage))
            .RequireAuthorization(PortalServices.UserPolicy).ExcludeFromDescription();
        app.MapGet("/portal/downloads/billing-history.csv", async (HttpContext http, string? scope, PortalAccess access, BillingHistoryQueries history) =>
                await access.CallerAsync(http) is not { } caller ? PortalRefusal.Of(AccessDecision.NotFound)
                : BackToTheForm(http) ?? await DownloadsApi.BillingHistoryCsvAsync(http, caller, DownloadScope.Chosen(scope), history))
            .RequireAuthorization(PortalServices.UserPolicy).ExcludeFromDescription();
        // A cycle's reconciliation file for the partner's own staff: the API's download itself (R-RECON), so the bytes and name are the API's.
        app.MapGet("/portal/partners/{partnerId}/cycles/{period}/reconciliation.csv", async (HttpContext http, string partnerId, string period,
            PortalAccess access, ReconciliationQueries recon) =>
                (await access.PartnerAsync(http, partnerId)) is { Caller: { } caller, Partner: not null }
                    ? await ReconciliationDownload.AnswerAsync(caller, partnerId, period, recon, http.RequestAborted)
                    : PortalRefusal.Of(AccessDecision.NotFound))
            .RequireAuthorization(PortalServices.UserPolicy).ExcludeFromDescription();
        // A link, not a form: choosing a language changes no data, so any page (signed in or not) can offer it.
        app.MapGet("/portal/language/{language}", (HttpContext http, string language, string? returnUrl) =>
        {
            var chosen = PortalServices.Languages.FirstOrDefault(l => l == language) ?? PortalServices.Languages[0];
            http.Response.Cookies.Append(PortalServices.LanguageCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Path = "/portal", HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromDays(365) });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } r && r.StartsWith("/portal", StringComparison.Ordinal) ? r : "/portal");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    // The Downloads page reads the same query and says why its range is not one (DownloadRange.Read, the API's own rule).
    private static IResult? BackToTheForm(HttpContext http) =>
        DownloadRange.Read(http.Request.Query).Problem is null ? null : Results.LocalRedirect("/portal/downloads" + http.Request.QueryString);

    // Programs ask for JSON and keep hearing the ARM 401 they always did; a browser asking for HTML gets the portal.
    private static bool WantsPage(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
}
