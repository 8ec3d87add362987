using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Purser.Engine.Access;
using Purser.Engine.Accounts;
using Purser.Engine.Invoicing;

namespace Purser.Server.Arm;

/// <summary>
/// The one place ARM ids are spelled: the ids and types of Microsoft.Billing and Microsoft.Consumption
/// resources, the scopes budgets are stored under, and the absolute links answers carry (nextLink, an
/// invoice's PDF). The clients compare ids as strings, so every answer must spell one id the same way.
/// </summary>
public static class ArmIds
{
    /// <summary>The query parameter a nextLink carries its offset in.</summary>
    public const string SkipToken = "$skiptoken";

    public const string AccountType = "Microsoft.Billing/billingAccounts";
    public const string ProfileType = AccountType + "/billingProfiles";
    public const string SubscriptionType = ProfileType + "/billingSubscriptions";
    public const string InvoiceType = ProfileType + "/invoices";
    public const string TransactionType = AccountType + "/transactions";
    public const string AccountRoleAssignmentType = AccountType + "/billingRoleAssignments";
    public const string ProfileRoleAssignmentType = ProfileType + "/billingRoleAssignments";

    private const string BillingProvider = "/providers/Microsoft.Billing";
    private const string ConsumptionProvider = "/providers/Microsoft.Consumption";

    public static string Account(string account) => $"{BillingProvider}/billingAccounts/{account}";

    public static string Profile(string account, string profile) => $"{Account(account)}/billingProfiles/{profile}";

    /// <summary>The billing profile a scope names, or its account when it names none.</summary>
    public static string Of(BillingScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.ProfileName is { } profile ? Profile(scope.AccountName, profile) : Account(scope.AccountName);
    }

    public static string Subscription(Guid subscription) => $"/subscriptions/{subscription:D}";

    public static string Invoice(string account, string profile, string invoiceNumber) => $"{Profile(account, profile)}/invoices/{invoiceNumber}";

    public static string Invoice(InvoiceRecord invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return Invoice(invoice.AccountName, invoice.ProfileName, invoice.InvoiceNumber);
    }

    public static string BillingSubscription(string account, string profile, string subscription) =>
        $"{Profile(account, profile)}/billingSubscriptions/{subscription}";

    public static string Transaction(string account, string name) => $"{Account(account)}/transactions/{name}";

    /// <param name="scopeId">The account or profile the role is held at.</param>
    public static string RoleAssignment(string scopeId, string name) => $"{scopeId}/billingRoleAssignments/{name}";

    /// <summary>Role definitions have no names of their own in Purser: each role gets a GUID derived from its name, the same everywhere.</summary>
    public static string RoleDefinition(string scopeId, string role) =>
        $"{scopeId}/billingRoleDefinitions/{ArmNames.StableId("billingRoleDefinition:" + role):D}";

    /// <summary>A billing period as a child of a billing profile (a charge summary's <c>billingPeriodId</c>).</summary>
    public static string ProfileBillingPeriod(string account, string profile, string period) => $"{Profile(account, profile)}/billingPeriods/{period}";

    /// <summary>A billing period as Microsoft.Billing's extension of another scope (an account's balances, a subscription's price sheet).</summary>
    public static string BillingPeriod(string scopeId, string period) => $"{scopeId}{BillingProvider}/billingPeriods/{period}";

    /// <summary>A Microsoft.Consumption resource at a scope: <c>{scope}/providers/Microsoft.Consumption/{type}/{name}</c>.</summary>
    public static string Consumption(string scopeId, string type, string name) => $"{scopeId}{ConsumptionProvider}/{type}/{name}";

    /// <summary>The path of an invoice's document, under the account as the SDK addresses invoices.</summary>
    public static string InvoiceDocument(string account, string invoiceNumber, string document) =>
        $"{Account(account)}/invoices/{invoiceNumber}/documents/{document}.pdf";

    /// <summary>This request again, every query parameter kept, starting at <paramref name="offset"/>.</summary>
    public static string NextLink(HttpRequest request, int offset)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new QueryBuilder(request.Query.Where(q => q.Key != SkipToken)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))))
        {
            { SkipToken, offset.ToString(CultureInfo.InvariantCulture) },
        };
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query.ToQueryString());
    }

    /// <summary>The absolute URL of the invoice's PDF on the server this request reached, with the api-version it used.</summary>
    public static string InvoicePdf(HttpRequest request, InvoiceRecord invoice)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invoice);
        var path = InvoiceDocument(invoice.AccountName, invoice.InvoiceNumber, invoice.InvoiceNumber);
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, new PathString(path),
            QueryString.Create("api-version", request.Query["api-version"].ToString()));
    }
}
