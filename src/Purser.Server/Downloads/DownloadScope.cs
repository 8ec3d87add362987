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

    public static async Task<(DownloadScope? Scope, IResult? Denied)> ResolveAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var named = Parameters.Where(p => !string.IsNullOrEmpty(http.Request.Query[p])).ToList();
        if (named.Count != 1)
            return (null, ArmError.Result(RefusalCode.InvalidScope, $"Name exactly one of {string.Join(", ", Parameters)}."));
        var parameter = named[0];
        var raw = http.Request.Query[parameter].ToString();
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
        if (CallerAccess.Deny(AccessRules.ReadBilling(http.Caller(), scope), what) is { } denied)
            return (null, denied);
        return (new DownloadScope(scope, parameter == "subscriptionId" ? id : null, $"{id:N}"[..8]), null);
    }
}
