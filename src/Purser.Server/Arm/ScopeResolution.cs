using Purser.Engine.Access;
using Purser.Engine.Invoicing;
using Purser.Server.Arm.Billing;
using Purser.Server.Hosting;
using Purser.Server.Hosting.Security;

namespace Purser.Server.Arm;

/// <summary>
/// Resolves the scope a route names and judges the caller there, for <see cref="ScopeGate"/>: what was
/// found, or the ARM error to answer with. An unknown name and another tenant's are the same 404, each
/// naming what the path asked for; a tenant member without the role gets 403.
/// </summary>
internal static class ScopeResolution
{
    public static Task<(ResolvedScope? Resolved, IResult? Denied)> DecideAsync(HttpContext http, ScopeRequirement requirement) =>
        requirement switch
        {
            { Kind: ScopeKind.None } => Task.FromResult<(ResolvedScope?, IResult?)>((new ResolvedScope(), null)),
            { Kind: ScopeKind.Account, Permission: Permission.Member or Permission.ReadSome } => ReachAsync(http, requirement.Permission),
            { Kind: ScopeKind.Account } => BillingAsync(http, requirement.Permission, $"Billing account '{Route(http, "account")}'",
                (resolver, ct) => resolver.FindAccountAsync(Route(http, "account"), ct)),
            { Kind: ScopeKind.Profile } => BillingAsync(http, requirement.Permission, $"Billing profile '{Route(http, "profile")}'",
                (resolver, ct) => resolver.FindProfileAsync(Route(http, "account"), Route(http, "profile"), ct)),
            { Kind: ScopeKind.Subscription } => BillingAsync(http, requirement.Permission, $"Subscription '{Route(http, "subscription")}'",
                (resolver, ct) => resolver.FindSubscriptionAsync(Route(http, "subscription"), ct),
                // Only a well-formed id can be found.
                Guid.TryParse(Route(http, "subscription"), out var subscription) ? subscription : null),
            _ => InvoiceAsync(http),
        };

    private static async Task<(ResolvedScope?, IResult?)> BillingAsync(HttpContext http, Permission permission, string what,
        Func<ScopeResolver, CancellationToken, Task<BillingScope?>> find, Guid? subscription = null)
    {
        var scope = await find(http.RequestServices.GetRequiredService<ScopeResolver>(), http.RequestAborted);
        if (scope is null)
            return (null, ArmError.NotFound(what));
        var rule = permission == Permission.Write ? AccessRules.WriteBilling(http.Caller(), scope) : AccessRules.ReadBilling(http.Caller(), scope);
        if (CallerAccess.Deny(rule, what) is { } denied)
            return (null, denied);
        return (new ResolvedScope(scope, subscription), null);
    }

    private static async Task<(ResolvedScope?, IResult?)> ReachAsync(HttpContext http, Permission permission)
    {
        var account = Route(http, "account");
        if (await AccountReach.FindAsync(http, account) is not { } reach)
            return (null, ArmError.NotFound($"Billing account '{account}'"));
        if (permission == Permission.ReadSome && !reach.ReadsAny)
            return (null, ArmError.Forbidden());
        return (new ResolvedScope(Reach: reach), null);
    }

    // The invoice is judged at its own billing profile, so an invoice manager reads their invoices through the account-scoped paths the SDK uses.
    private static async Task<(ResolvedScope?, IResult?)> InvoiceAsync(HttpContext http)
    {
        var (account, name) = (Route(http, "account"), Route(http, "invoiceName"));
        var resolver = http.RequestServices.GetRequiredService<ScopeResolver>();
        if (await resolver.FindAccountAsync(account, http.RequestAborted) is not { } found || !AccessRules.CanSee(http.Caller(), found.AccountId))
            return (null, ArmError.NotFound($"Billing account '{account}'"));
        var invoice = await http.RequestServices.GetRequiredService<InvoiceQueries>().FindAsync(found.AccountId, name, http.RequestAborted);
        if (invoice is null)
            return (null, ArmError.NotFound($"Invoice '{name}'"));
        var scope = new BillingScope(invoice.BillingAccountId, invoice.AccountName, invoice.BillingProfileId, invoice.ProfileName, invoice.Currency);
        return CallerAccess.Deny(AccessRules.ReadBilling(http.Caller(), scope), $"Invoice '{name}'") is { } denied
            ? (null, denied)
            : (new ResolvedScope(scope, Invoice: invoice), null);
    }

    private static string Route(HttpContext http, string name) => http.GetRouteValue(name)?.ToString() ?? "";
}
