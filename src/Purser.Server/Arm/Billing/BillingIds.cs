using Purser.Engine.Accounts;

namespace Purser.Server.Arm.Billing;

/// <summary>ARM ids and resource types of Microsoft.Billing resources.</summary>
public static class BillingIds
{
    public const string AccountType = "Microsoft.Billing/billingAccounts";
    public const string ProfileType = AccountType + "/billingProfiles";
    public const string SubscriptionType = ProfileType + "/billingSubscriptions";
    public const string InvoiceType = ProfileType + "/invoices";
    public const string TransactionType = AccountType + "/transactions";
    public const string AccountRoleAssignmentType = AccountType + "/billingRoleAssignments";
    public const string ProfileRoleAssignmentType = ProfileType + "/billingRoleAssignments";

    public static string Account(string account) => $"/providers/Microsoft.Billing/billingAccounts/{account}";

    public static string Profile(string account, string profile) => $"{Account(account)}/billingProfiles/{profile}";

    /// <summary>Role definitions have no names of their own in Purser: each role gets a GUID derived from its name, the same everywhere.</summary>
    public static string RoleDefinition(string scopeId, string role) =>
        $"{scopeId}/billingRoleDefinitions/{ArmNames.StableId("billingRoleDefinition:" + role):D}";
}
