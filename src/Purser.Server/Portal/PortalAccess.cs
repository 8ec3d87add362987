using Purser.Engine.Access;
using Purser.Engine.Credits;
using Purser.Engine.Subscriptions;

namespace Purser.Server.Portal;

/// <summary>
/// What the signed-in user may see and do, decided by the API's own rules (R-ROLES): a subscription
/// of another tenant is not found, one of the tenant without a billing role is forbidden.
/// </summary>
internal sealed class PortalAccess(CallerDirectory callers, ScopeResolver scopes, CreditQueries credit, BillingSubscriptionQueries subscriptions)
{
    public Task<Caller?> CallerAsync(HttpContext http) => http.CallerAsync(callers);

    /// <summary>The subscriptions of every billing profile whose billing the caller may read.</summary>
    public async Task<IReadOnlyList<BillingSubscriptionRecord>> SubscriptionsAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var accounts = caller.Grants.Select(g => g.AccountId).Append(caller.HomeAccountId ?? Guid.Empty).Where(a => a != Guid.Empty).Distinct();
        var found = new List<BillingSubscriptionRecord>();
        foreach (var account in accounts)
        {
            foreach (var profileId in await credit.ProfilesOfAccountAsync(account, ct))
            {
                if (await scopes.FindProfileAsync(profileId, ct) is { } scope && AccessRules.ReadBilling(caller, scope) == AccessDecision.Allowed)
                    found.AddRange(await subscriptions.OfProfileAsync(profileId, ct));
            }
        }
        return found;
    }

    /// <summary>Whether the caller may read (or, with <paramref name="write"/>, pay for) a subscription's billing.</summary>
    public async Task<AccessDecision> DecideAsync(Caller caller, Guid subscriptionId, bool write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await scopes.FindSubscriptionAsync(subscriptionId.ToString(), ct) is not { } scope)
            return AccessDecision.NotFound;
        var read = AccessRules.ReadBilling(caller, scope);
        return read != AccessDecision.Allowed || !write ? read : AccessRules.WriteBilling(caller, scope);
    }
}
