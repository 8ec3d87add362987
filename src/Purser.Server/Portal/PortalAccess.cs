using Purser.Core.Lifecycle;
using Purser.Engine.Access;
using Purser.Engine.Accounts;
using Purser.Engine.Invoicing;
using Purser.Engine.Partners;
using Purser.Engine.Subscriptions;

namespace Purser.Server.Portal;

/// <summary>
/// What the signed-in user may see and do, decided by the API's own rules (R-ROLES): a subscription,
/// profile or account of another tenant is not found, one of the tenant without a billing role is forbidden.
/// </summary>
internal sealed class PortalAccess(CallerDirectory callers, ScopeResolver scopes, AccountQueries accounts,
    BillingSubscriptionQueries subscriptions, InvoiceQueries invoices, SubscriptionCommands subscriptionRecords, PartnerQueries partners)
{
    public Task<Caller?> CallerAsync(HttpContext http) => http.CallerAsync(callers);

    /// <summary>The billing profiles whose billing the caller may read, by account then profile name.</summary>
    public async Task<IReadOnlyList<BillingProfileRecord>> ProfilesAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var profiles = await accounts.ProfilesAsync(AccountsOf(caller), ct);
        return [.. profiles.Where(p => AccessRules.ReadBilling(caller, ScopeOf(p)) == AccessDecision.Allowed)];
    }

    /// <summary>The billing accounts whose billing the caller may read as a whole (R-ACCOUNT-VIEW).</summary>
    public async Task<IReadOnlyList<BillingAccountRecord>> AccountsAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var mine = AccountsOf(caller);
        var visible = await accounts.VisibleAccountsAsync(caller, ct);
        return [.. visible.Where(a => mine.Contains(a.Id) && AccessRules.ReadBilling(caller, new BillingScope(a.Id, a.Name)) == AccessDecision.Allowed)];
    }

    /// <summary>The subscriptions of every billing profile whose billing the caller may read.</summary>
    public async Task<IReadOnlyList<BillingSubscriptionRecord>> SubscriptionsAsync(Caller caller, CancellationToken ct)
    {
        var found = new List<BillingSubscriptionRecord>();
        foreach (var profile in await ProfilesAsync(caller, ct))
            found.AddRange(await subscriptions.OfProfileAsync(profile.Id, ct));
        return found;
    }

    /// <summary>A billing profile whose billing the signed-in user may read, or the refusal to answer instead (then the profile is null).</summary>
    public Task<(AccessDecision Decision, BillingProfileRecord? Profile)> ProfileAsync(HttpContext http, Guid profileId) =>
        ReadAsync(http, ct => scopes.FindProfileAsync(profileId, ct), (scope, ct) => accounts.FindProfileAsync(scope.AccountId, scope.ProfileName!, ct));

    /// <summary>A billing account whose billing the signed-in user may read as a whole, or the refusal to answer instead.</summary>
    public Task<(AccessDecision Decision, BillingAccountRecord? Account)> AccountAsync(HttpContext http, Guid accountId) =>
        ReadAsync(http, ct => scopes.FindAccountAsync(accountId, ct), (scope, ct) => accounts.FindAccountAsync(scope.AccountName, ct));

    /// <summary>An invoice of a billing profile the signed-in user may read; one of another profile is not found there.</summary>
    public async Task<(AccessDecision Decision, BillingProfileRecord? Profile, InvoiceRecord? Invoice)> InvoiceAsync(HttpContext http, Guid profileId, string invoiceNumber)
    {
        var (read, profile) = await ProfileAsync(http, profileId);
        if (profile is null)
            return (read, null, null);
        var invoice = await invoices.FindAsync(profile.BillingAccountId, invoiceNumber, http.RequestAborted);
        return invoice?.BillingProfileId == profileId ? (read, profile, invoice) : (AccessDecision.NotFound, null, null);
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

    /// <summary>The billing profiles whose billing the caller may change: where a new subscription may be billed (R-NEWSUB).</summary>
    public async Task<IReadOnlyList<BillingProfileRecord>> WritableProfilesAsync(Caller caller, CancellationToken ct) =>
        [.. (await ProfilesAsync(caller, ct)).Where(p => AccessRules.WriteBilling(caller, ScopeOf(p)) == AccessDecision.Allowed)];

    /// <summary>Whether the caller may add a subscription: only with a billing profile whose billing they may change.</summary>
    public async Task<AccessDecision> NewSubscriptionAsync(Caller caller, CancellationToken ct) =>
        (await WritableProfilesAsync(caller, ct)).Count > 0 ? AccessDecision.Allowed : AccessDecision.Forbidden;

    /// <summary>R-PROFILE: the account administrator edits their own contact details; nobody else has that page.</summary>
    public static AccessDecision EditProfile(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.HomeAccountId is { } home && caller.Holds(home, BillingRole.Administrators)
            ? AccessDecision.Allowed : AccessDecision.Forbidden;
    }

    /// <summary>
    /// R-ENT: whether the caller may cancel the subscription in the portal, and as whom. A caller who may not read it is
    /// refused as reading is; one who may read it but is not an enterprise account administrator of an Enterprise
    /// subscription still active is forbidden (the Core's <see cref="CancellationPolicy"/> decides which).
    /// </summary>
    public async Task<(AccessDecision Decision, CancellationRequest? Request)> CancelAsync(Caller caller, Guid subscriptionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await scopes.FindSubscriptionAsync(subscriptionId.ToString(), ct) is not { } scope)
            return (AccessDecision.NotFound, null);
        var read = AccessRules.ReadBilling(caller, scope);
        if (read != AccessDecision.Allowed)
            return (read, null);
        if (await accounts.FindAccountAsync(scope.AccountName, ct) is not { } account || await subscriptionRecords.FindAsync(subscriptionId, ct) is not { } subscription)
            return (AccessDecision.NotFound, null);
        var request = SubscriptionCancellation.PortalRole(caller, account.Id, account.AgreementType) is { } role
            ? new CancellationRequest(role, CancellationChannel.Portal) : null;
        return request is not null && subscription.State is SubscriptionState.Active or SubscriptionState.Disabled
            && CancellationPolicy.Check(subscription.OfferType, request) is null
            ? (AccessDecision.Allowed, request) : (AccessDecision.Forbidden, null);
    }

    /// <summary>
    /// A partner's pages (R-RECON): its own staff see them, and operators, as the reconciliation download allows; anyone else,
    /// another partner's staff or a customer, learns nothing of the partner (404), as from the API.
    /// </summary>
    public async Task<(AccessDecision Decision, Caller? Caller, PartnerView? Partner)> PartnerAsync(HttpContext http, string partnerId)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (await CallerAsync(http) is not { } caller || !MayActFor(caller, partnerId)
            || await partners.FindAsync(partnerId, http.RequestAborted) is not { } partner)
            return (AccessDecision.NotFound, null, null);
        return (AccessDecision.Allowed, caller, partner);
    }

    /// <summary>Whether the caller may open a customer's own invoice page (and PDF) for an invoice of <paramref name="profileId"/>, by the customer's billing roles.</summary>
    public async Task<bool> ReadsInvoicesOfAsync(Caller caller, Guid profileId, CancellationToken ct) =>
        await scopes.FindProfileAsync(profileId, ct) is { } scope && AccessRules.ReadBilling(caller, scope) == AccessDecision.Allowed;

    private static bool MayActFor(Caller caller, string partnerId) =>
        caller.IsOperator || string.Equals(caller.PartnerId, partnerId, StringComparison.Ordinal);

    // What a page shows of a scope once ReadBilling allows it; a scope gone meanwhile is not found.
    private async Task<(AccessDecision Decision, T? Found)> ReadAsync<T>(HttpContext http, Func<CancellationToken, Task<BillingScope?>> find,
        Func<BillingScope, CancellationToken, Task<T?>> load) where T : class
    {
        ArgumentNullException.ThrowIfNull(http);
        if (await CallerAsync(http) is not { } caller || await find(http.RequestAborted) is not { } scope)
            return (AccessDecision.NotFound, null);
        var read = AccessRules.ReadBilling(caller, scope);
        if (read != AccessDecision.Allowed)
            return (read, null);
        var found = await load(scope, http.RequestAborted);
        return found is null ? (AccessDecision.NotFound, null) : (read, found);
    }

    private static List<Guid> AccountsOf(Caller caller) =>
        [.. caller.Grants.Select(g => g.AccountId).Append(caller.HomeAccountId ?? Guid.Empty).Where(a => a != Guid.Empty).Distinct()];

    private static BillingScope ScopeOf(BillingProfileRecord profile) =>
        new(profile.BillingAccountId, profile.AccountName, profile.Id, profile.Name, profile.Currency);
}
