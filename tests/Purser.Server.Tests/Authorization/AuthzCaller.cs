namespace Purser.Server.Tests.Authorization;

/// <summary>
/// One caller of the matrix: who they are (operator, a tenant's user holding one role at one scope,
/// nobody) and the bearer token they send (none, or one the server never issued).
/// </summary>
internal sealed record AuthzCaller(string Name, string? Token, string? Tenant = null, string? Role = null, bool IsOperator = false)
{
    public const string Operator = "Operator";
    public const string NoRole = "NoRole";
    public const string TenantBOwner = "TenantB.BillingAccountOwner";
    public const string Anonymous = "NoToken";
    public const string BadToken = "BadToken";

    /// <summary>Roles held at tenant A's account, at its "Main" profile, and at Main's subscription.</summary>
    public static readonly string[] AccountRoles = ["BillingAccountOwner", "BillingAccountContributor", "BillingAccountReader", "AccountAdministrator"];
    public static readonly string[] ProfileRoles = ["BillingProfileOwner", "BillingProfileContributor", "BillingProfileReader", "InvoiceManager"];
    public const string SubscriptionRole = "ServiceAdministrator";

    public bool IsAuthenticated => Tenant is not null || IsOperator;

    public override string ToString() => Name;
}
