using Purser.Engine.Accounts;
using Purser.Server.Hosting.Security;

namespace Purser.Server.Arm.Billing;

/// <summary>Billing accounts (with <c>$expand=billingProfiles</c>) and their billing profiles.</summary>
public static class BillingAccountsEndpoints
{
    public static void MapBillingAccounts(this RouteGroupBuilder billing)
    {
        billing.MapGet("/billingAccounts", async (HttpContext http, AccountQueries accounts) =>
        {
            var caller = http.Caller();
            var visible = await accounts.VisibleAccountsAsync(caller, http.RequestAborted);
            var profiles = ExpandsProfiles(http.Request)
                ? await accounts.ProfilesAsync([.. visible.Select(a => a.Id)], http.RequestAborted)
                : null;
            return BillingLists.Page(http.Request, visible, a => AccountShapes.Account(a, AccountReach.CanRead(caller, a),
                profiles?.Where(p => p.BillingAccountId == a.Id && AccountReach.CanRead(caller, p)).Select(p => AccountShapes.Profile(p, true)).ToList()));
        }).RequiresScope(Permission.AnyCaller);

        billing.MapGet("/billingAccounts/{account}", (HttpContext http) =>
        {
            var reach = http.Reach();
            var profiles = ExpandsProfiles(http.Request) ? reach.ReadableProfiles.Select(p => AccountShapes.Profile(p, true)).ToList() : null;
            return Results.Json(AccountShapes.Account(reach.Account, reach.WholeAccount, profiles));
        }).RequiresScope(Permission.Member);

        billing.MapGet("/billingAccounts/{account}/billingProfiles", (HttpContext http) =>
            BillingLists.Page(http.Request, http.Reach().ReadableProfiles, p => AccountShapes.Profile(p, true)))
            .RequiresScope(Permission.ReadSome);

        billing.MapGet("/billingAccounts/{account}/billingProfiles/{profile}", async (HttpContext http, AccountQueries accounts) =>
        {
            var scope = http.Scope();
            var found = await accounts.FindProfileAsync(scope.AccountId, scope.ProfileName!, http.RequestAborted);
            return found is null ? Hosting.ArmError.NotFound($"Billing profile '{scope.ProfileName}'") : Results.Json(AccountShapes.Profile(found, true));
        }).RequiresScope(Permission.Read);
    }

    /// <summary><c>$expand=billingProfiles</c> or <c>billingProfiles/…</c> in a comma-separated list; other expansions are not served and are ignored.</summary>
    private static bool ExpandsProfiles(HttpRequest request) =>
        request.Query["$expand"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries))
            .Any(e => e.Equals("billingProfiles", StringComparison.OrdinalIgnoreCase)
                || e.StartsWith("billingProfiles/", StringComparison.OrdinalIgnoreCase));
}
