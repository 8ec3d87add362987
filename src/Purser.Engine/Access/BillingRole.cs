namespace Purser.Engine.Access;

/// <summary>The roles of R-ROLES and SPEC §1, spelled as stored and as shown in role assignments.</summary>
public static class BillingRole
{
    public const string BillingAccountOwner = "BillingAccountOwner";
    public const string BillingAccountContributor = "BillingAccountContributor";
    public const string BillingAccountReader = "BillingAccountReader";
    public const string BillingProfileOwner = "BillingProfileOwner";
    public const string BillingProfileContributor = "BillingProfileContributor";
    public const string BillingProfileReader = "BillingProfileReader";
    public const string InvoiceManager = "InvoiceManager";
    public const string AccountAdministrator = "AccountAdministrator";
    public const string ServiceAdministrator = "ServiceAdministrator";

    public static readonly IReadOnlyList<string> AccountScoped =
        [BillingAccountOwner, BillingAccountContributor, BillingAccountReader, AccountAdministrator];

    public static readonly IReadOnlyList<string> ProfileScoped =
        [BillingProfileOwner, BillingProfileContributor, BillingProfileReader, InvoiceManager];

    public static readonly IReadOnlyList<string> SubscriptionScoped = [ServiceAdministrator];

    /// <summary>R-ROLES: who may see a billing account's credit, invoices and balances.</summary>
    public static readonly IReadOnlySet<string> AccountBillingReaders =
        new HashSet<string>([BillingAccountOwner, BillingAccountContributor, BillingAccountReader], StringComparer.Ordinal);

    /// <summary>R-ROLES: who may see one billing profile's credit, invoices and balances (account readers included).</summary>
    public static readonly IReadOnlySet<string> ProfileBillingReaders =
        new HashSet<string>([BillingProfileOwner, BillingProfileContributor, BillingProfileReader, InvoiceManager], StringComparer.Ordinal);

    /// <summary>Who may change a scope's billing settings, budgets among them.</summary>
    public static readonly IReadOnlySet<string> Writers =
        new HashSet<string>([BillingAccountOwner, BillingAccountContributor, BillingProfileOwner, BillingProfileContributor], StringComparer.Ordinal);

    /// <summary>The account administrator of SPEC §3.1: edits their own contact details (R-PROFILE), and cancels in the portal (R-ENT).</summary>
    public static readonly IReadOnlySet<string> Administrators = new HashSet<string>([AccountAdministrator], StringComparer.Ordinal);

    public static string? ScopeKindOf(string role) =>
        AccountScoped.Contains(role) ? ScopeKind.BillingAccount
        : ProfileScoped.Contains(role) ? ScopeKind.BillingProfile
        : SubscriptionScoped.Contains(role) ? ScopeKind.Subscription
        : null;
}

public static class ScopeKind
{
    public const string BillingAccount = "BillingAccount";
    public const string BillingProfile = "BillingProfile";
    public const string Subscription = "Subscription";
}
