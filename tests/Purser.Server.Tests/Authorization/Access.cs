namespace Purser.Server.Tests.Authorization;

/// <summary>Who an endpoint is for, as R-ROLES and docs/api.md say (written from the spec, not from the implementation).</summary>
internal enum Access
{
    /// <summary>/healthz, /readyz, /metrics, /openapi/v1.json, /scalar: anyone, token or not.</summary>
    Open,

    /// <summary>The billing accounts list: any authenticated caller, filtered to the accounts they belong to.</summary>
    AnyCaller,

    /// <summary>One billing account (hasReadAccess tells the rest): anyone of its tenant.</summary>
    TenantMember,

    /// <summary>A credit, invoice or balance view of one billing profile (or of a subscription billed to it): account readers and that profile's roles.</summary>
    ProfileRead,

    /// <summary>A credit, balance or role view of the whole billing account: account readers only.</summary>
    AccountRead,

    /// <summary>An account-level list that shows each profile's items to whoever may read that profile (profiles, invoices).</summary>
    AccountReadFiltered,

    /// <summary>Budgets of a profile or a subscription billed to it: account and profile owners and contributors.</summary>
    ProfileWrite,

    /// <summary>Budgets of the whole account: account owners and contributors.</summary>
    AccountWrite,

    /// <summary>The operator API: operators only, whatever a customer's role.</summary>
    OperatorOnly,

    /// <summary>A partner's reconciliation file: operators and that partner's own staff; any other caller learns nothing (404).</summary>
    PartnerStaff,
}

/// <summary>The expected status of one caller on one endpoint addressing one target profile.</summary>
internal static class ExpectedAccess
{
    private static readonly string[] AccountReaders = ["BillingAccountOwner", "BillingAccountContributor", "BillingAccountReader"];
    private static readonly string[] AccountWriters = ["BillingAccountOwner", "BillingAccountContributor"];
    private static readonly string[] ProfileReaders = ["BillingProfileOwner", "BillingProfileContributor", "BillingProfileReader", "InvoiceManager"];
    private static readonly string[] ProfileWriters = ["BillingProfileOwner", "BillingProfileContributor"];

    public static int Expected(Access access, int success, AuthzCaller caller, AuthzTarget target)
    {
        if (access == Access.Open)
            return 200;
        if (!caller.IsAuthenticated)
            return 401;
        if (access == Access.OperatorOnly)
            return caller.IsOperator ? success : 403;
        if (caller.IsOperator || access == Access.AnyCaller)
            return success;
        if (access == Access.PartnerStaff)
            return 404;
        if (caller.Tenant != target.Tenant)
            return 404;
        // Every role a tenant-A user holds sits on tenant A's account, its Main profile or Main's subscription.
        var role = caller.Role ?? "";
        var onProfile = target.IsMain && ProfileReaders.Contains(role);
        var allowed = access switch
        {
            Access.TenantMember => true,
            Access.ProfileRead => AccountReaders.Contains(role) || onProfile,
            Access.AccountRead => AccountReaders.Contains(role),
            Access.AccountReadFiltered => AccountReaders.Contains(role) || ProfileReaders.Contains(role),
            Access.ProfileWrite => AccountWriters.Contains(role) || (onProfile && ProfileWriters.Contains(role)),
            Access.AccountWrite => AccountWriters.Contains(role),
            _ => throw new ArgumentOutOfRangeException(nameof(access), access, null),
        };
        return allowed ? success : 403;
    }

    /// <summary>A request that addresses one tenant's resources, where a stranger must get 404 and nothing else.</summary>
    public static bool IsTenantResource(Access access) => access is not (Access.Open or Access.AnyCaller or Access.OperatorOnly);

    /// <summary>Whether the caller may see the target profile's own objects (its name, invoices, subscriptions) in any answer.</summary>
    public static bool MaySeeProfile(AuthzCaller caller, AuthzTarget target) =>
        caller.IsOperator || (caller.Tenant == target.Tenant && (AccountReaders.Contains(caller.Role ?? "") || (target.IsMain && ProfileReaders.Contains(caller.Role ?? ""))));

    /// <summary>Whether the caller may see the target's account at all (its name).</summary>
    public static bool MaySeeAccount(AuthzCaller caller, AuthzTarget target) => caller.IsOperator || caller.Tenant == target.Tenant;
}
