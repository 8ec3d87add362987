using Purser.Engine.Access;
using Purser.Server.Hosting;
using Purser.Server.Hosting.Security;

namespace Purser.Server.Arm;

/// <summary>Resolves the billing scope a path names and applies R-ROLES to the caller: the scope, or the ARM error to answer with.</summary>
public static class ScopeAccess
{
    public static async Task<(BillingScope? Scope, IResult? Denied)> ReadableProfileAsync(HttpContext http, string account, string profile)
    {
        ArgumentNullException.ThrowIfNull(http);
        var resolver = http.RequestServices.GetRequiredService<ScopeResolver>();
        var scope = await resolver.FindProfileAsync(account, profile, http.RequestAborted);
        return Decide(http, scope, $"Billing profile '{profile}'");
    }

    public static async Task<(BillingScope? Scope, IResult? Denied)> ReadableAccountAsync(HttpContext http, string account)
    {
        ArgumentNullException.ThrowIfNull(http);
        var resolver = http.RequestServices.GetRequiredService<ScopeResolver>();
        var scope = await resolver.FindAccountAsync(account, http.RequestAborted);
        return Decide(http, scope, $"Billing account '{account}'");
    }

    private static (BillingScope?, IResult?) Decide(HttpContext http, BillingScope? scope, string what)
    {
        if (scope is null)
            return (null, ArmError.NotFound(what));
        var denied = CallerAccess.Deny(AccessRules.ReadBilling(http.Caller(), scope), what);
        return denied is null ? (scope, null) : (null, denied);
    }

    /// <summary>A billing profile under the given rule (<see cref="AccessRules.ReadBilling"/> or <see cref="AccessRules.WriteBilling"/>).</summary>
    public static async Task<(BillingScope? Scope, IResult? Denied)> ProfileAsync(HttpContext http, string account, string profile,
        Func<Caller, BillingScope, AccessDecision> rule)
    {
        ArgumentNullException.ThrowIfNull(http);
        var resolver = http.RequestServices.GetRequiredService<ScopeResolver>();
        var scope = await resolver.FindProfileAsync(account, profile, http.RequestAborted);
        return Decide(http, scope, $"Billing profile '{profile}'", rule);
    }

    /// <summary>A billing account under the given rule.</summary>
    public static async Task<(BillingScope? Scope, IResult? Denied)> AccountAsync(HttpContext http, string account,
        Func<Caller, BillingScope, AccessDecision> rule)
    {
        ArgumentNullException.ThrowIfNull(http);
        var resolver = http.RequestServices.GetRequiredService<ScopeResolver>();
        var scope = await resolver.FindAccountAsync(account, http.RequestAborted);
        return Decide(http, scope, $"Billing account '{account}'", rule);
    }

    /// <summary>A subscription, judged by the rule at the billing profile it is billed to; the scope returned is that profile's.</summary>
    public static async Task<(BillingScope? Scope, IResult? Denied)> SubscriptionAsync(HttpContext http, string subscription,
        Func<Caller, BillingScope, AccessDecision> rule)
    {
        ArgumentNullException.ThrowIfNull(http);
        var resolver = http.RequestServices.GetRequiredService<ScopeResolver>();
        var scope = await resolver.FindSubscriptionAsync(subscription, http.RequestAborted);
        return Decide(http, scope, $"Subscription '{subscription}'", rule);
    }

    private static (BillingScope?, IResult?) Decide(HttpContext http, BillingScope? scope, string what, Func<Caller, BillingScope, AccessDecision> rule)
    {
        if (scope is null)
            return (null, ArmError.NotFound(what));
        var denied = CallerAccess.Deny(rule(http.Caller(), scope), what);
        return denied is null ? (scope, null) : (null, denied);
    }
}
