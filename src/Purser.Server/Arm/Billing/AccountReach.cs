using Purser.Engine.Access;
using Purser.Engine.Accounts;
using Purser.Server.Hosting.Security;

namespace Purser.Server.Arm.Billing;

/// <summary>
/// What of one billing account the caller may read (R-ROLES): the whole account (account roles,
/// operators) or only the profiles they hold a profile role on. Another tenant's account is not found.
/// </summary>
public sealed record AccountReach(BillingAccountRecord Account, bool WholeAccount, IReadOnlyList<BillingProfileRecord> ReadableProfiles)
{
    /// <summary>Whether the caller may read anything of the account at all.</summary>
    public bool ReadsAny => WholeAccount || ReadableProfiles.Count > 0;

    public IReadOnlyList<Guid> ReadableProfileIds => [.. ReadableProfiles.Select(p => p.Id)];

    /// <summary>The account's reach for the caller, or null when the account does not exist for them.</summary>
    public static async Task<AccountReach?> FindAsync(HttpContext http, string accountName)
    {
        ArgumentNullException.ThrowIfNull(http);
        var accounts = http.RequestServices.GetRequiredService<AccountQueries>();
        var caller = http.Caller();
        var account = await accounts.FindAccountAsync(accountName, http.RequestAborted);
        if (account is null || !AccessRules.CanSee(caller, account.Id))
            return null;
        var profiles = await accounts.ProfilesAsync([account.Id], http.RequestAborted);
        return new AccountReach(account, CanRead(caller, account), [.. profiles.Where(p => CanRead(caller, p))]);
    }

    public static bool CanRead(Caller caller, BillingAccountRecord account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return AccessRules.ReadBilling(caller, new BillingScope(account.Id, account.Name)) == AccessDecision.Allowed;
    }

    public static bool CanRead(Caller caller, BillingProfileRecord profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return AccessRules.ReadBilling(caller, new BillingScope(profile.BillingAccountId, profile.AccountName, profile.Id, profile.Name, profile.Currency))
            == AccessDecision.Allowed;
    }
}
