using Purser.Core;
using Purser.Engine.Access;
using Purser.Engine.Usage;
using Purser.Server.Hosting;
using Purser.Server.Hosting.Security;

namespace Purser.Server.Downloads;

/// <summary>
/// The scope a download names by id — exactly one of <c>billingAccountId</c>, <c>billingProfileId</c>
/// or <c>subscriptionId</c> — under the same rules as the ARM surface (R-ROLES): unknown or
/// another tenant's → 404, no qualifying role → 403.
/// </summary>
public sealed record DownloadScope(BillingScope Billing, Guid? SubscriptionId, string Label)
{
    private static readonly string[] Parameters = ["billingAccountId", "billingProfileId", "subscriptionId"];

    public UsageScope Usage => SubscriptionId is { } s
        ? UsageScope.Subscription(Billing.AccountId, Billing.ProfileId!.Value, s)
        : Billing.ProfileId is { } p ? UsageScope.Profile(Billing.AccountId, p) : UsageScope.Account(Billing.AccountId);

    /// <summary>The one scope parameter a program's query names, or null when it names none or several.</summary>
    public static (string Parameter, string Id)? Named(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var named = Parameters.Where(p => !string.IsNullOrEmpty(query[p])).ToList();
        return named.Count == 1 ? (named[0], query[named[0]].ToString()) : null;
    }

    /// <summary>The scope a portal form chose in one field, <c>parameter:id</c> (<c>billingProfileId:…</c>), or null when it is not one.</summary>
    public static (string Parameter, string Id)? Chosen(string? scope) =>
        scope?.Split(':', 2) is [var parameter, var id] && Parameters.Contains(parameter) && id.Length > 0 ? (parameter, id) : null;

    public static async Task<(DownloadScope? Scope, IResult? Denied)> ResolveAsync(HttpContext http, Caller caller, (string Parameter, string Id)? named)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (named is not var (parameter, raw))
            return (null, ArmError.Result(RefusalCode.InvalidScope, $"Name exactly one of {string.Join(", ", Parameters)}."));
        if (!Guid.TryParse(raw, out var id))
            return (null, ArmError.Result(RefusalCode.InvalidParameter, $"'{parameter}' is not an id: '{raw}'.", parameter));
        var ct = http.RequestAborted;
        var (scope, what) = parameter switch
        {
            "billingAccountId" => (await http.RequestServices.GetRequiredService<ScopeResolver>().FindAccountAsync(id, ct), $"Billing account '{id}'"),
            "billingProfileId" => (await http.RequestServices.GetRequiredService<ScopeResolver>().FindProfileAsync(id, ct), $"Billing profile '{id}'"),
            _ => (await http.RequestServices.GetRequiredService<ScopeResolver>().FindSubscriptionAsync(raw, ct), $"Subscription '{id}'"),
        };
        if (scope is null)
            return (null, ArmError.NotFound(what));
        if (CallerAccess.Deny(AccessRules.ReadBilling(caller, scope), what) is { } denied)
            return (null, denied);
        return (new DownloadScope(scope, parameter == "subscriptionId" ? id : null, $"{id:N}"[..8]), null);
    }
}
