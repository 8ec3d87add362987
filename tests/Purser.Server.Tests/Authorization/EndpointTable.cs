namespace Purser.Server.Tests.Authorization;

/// <summary>
/// Every endpoint the server maps, keyed "METHOD /route/pattern" as <see cref="Microsoft.AspNetCore.Routing.EndpointDataSource"/>
/// lists it, with who it is for and how to call it. The matrix fails on an endpoint missing here and on an entry no endpoint matches.
/// </summary>
internal static class EndpointTable
{
    private const string Billing = "/providers/Microsoft.Billing/billingAccounts/{account}";
    private const string Profile = Billing + "/billingProfiles/{profile}";
    private const string Consumption = "/providers/Microsoft.Consumption";
    private const string Budgets = Consumption + "/budgets";

    public static IReadOnlyDictionary<string, EndpointCase> All { get; } = Build();

    private static Dictionary<string, EndpointCase> Build()
    {
        var table = new Dictionary<string, EndpointCase>(StringComparer.Ordinal)
        {
            ["* /healthz"] = new(Access.Open),
            ["* /metrics"] = new(Access.Open),
            ["* /readyz"] = new(Access.Open),
            ["GET /openapi/{documentName}.json"] = new(Access.Open),
            ["GET /scalar/{documentName?}"] = new(Access.Open),
            ["GET /scalar/scalar.js"] = new(Access.Open),
            ["GET /scalar/scalar.aspnetcore.js"] = new(Access.Open),
            ["GET /scalar/favicon.svg"] = new(Access.Open),

            // Microsoft.Billing
            ["GET /providers/Microsoft.Billing/billingAccounts"] = new(Access.AnyCaller, Query: "$expand=billingProfiles"),
            ["GET " + Billing] = new(Access.TenantMember, Query: "$expand=billingProfiles"),
            ["GET " + Billing + "/billingProfiles"] = new(Access.AccountReadFiltered),
            ["GET " + Profile] = new(Access.ProfileRead),
            ["GET " + Profile + "/billingSubscriptions"] = new(Access.ProfileRead),
            ["GET " + Billing + "/billingRoleAssignments"] = new(Access.AccountRead),
            ["GET " + Profile + "/billingRoleAssignments"] = new(Access.ProfileRead),
            ["GET " + Profile + "/invoices"] = new(Access.ProfileRead, Query: "periodStartDate=2019-01-01&periodEndDate=2019-12-31"),
            ["GET " + Billing + "/invoices"] = new(Access.AccountReadFiltered),
            ["GET " + Billing + "/invoices/{invoiceName}"] = new(Access.ProfileRead),
            // An invoice's transactions and its PDF are read exactly like the invoice; the PDF is named after the invoice.
            ["GET " + Billing + "/invoices/{invoiceName}/transactions"] = new(Access.ProfileRead),
            ["GET " + Billing + "/invoices/{invoiceName}/documents/{document}.pdf"] = new(Access.ProfileRead, Setup: c =>
            {
                c.Route["document"] = c.Target.InvoiceName;
                return Task.CompletedTask;
            }),

            // Microsoft.Consumption: credits (R-BAL, R-LOTS, R-EVENTS), balances, charges, price sheet
            ["GET " + Profile + Consumption + "/credits/balanceSummary"] = new(Access.ProfileRead),
            ["GET " + Profile + Consumption + "/lots"] = new(Access.ProfileRead),
            ["GET " + Billing + Consumption + "/lots"] = new(Access.AccountRead),
            ["GET " + Profile + Consumption + "/events"] = new(Access.ProfileRead, Query: "startDate=2019-09-01&endDate=2019-10-02"),
            ["GET " + Billing + Consumption + "/events"] = new(Access.AccountRead),
            ["GET " + Billing + Consumption + "/balances"] = new(Access.AccountRead),
            ["GET " + Billing + "/billingPeriods/{period}" + Consumption + "/balances"] = new(Access.AccountRead),
            ["GET " + Billing + Consumption + "/charges"] = new(Access.AccountRead),
            ["GET " + Profile + Consumption + "/charges"] = new(Access.ProfileRead),
            ["GET /subscriptions/{subscription}" + Consumption + "/pricesheets/default"] = new(Access.ProfileRead),
            ["GET /subscriptions/{subscription}" + Consumption + "/usageDetails"] = new(Access.ProfileRead),
            ["GET " + Billing + Consumption + "/usageDetails"] = new(Access.AccountRead),
            ["GET " + Profile + Consumption + "/usageDetails"] = new(Access.ProfileRead),

            // CSV downloads (R-DOWNLOAD): the scope is named by id in the query, under the same rules.
            ["GET /downloads/usage.csv"] = Download(),
            ["GET /downloads/billing-history.csv"] = Download(),
            ["GET /downloads/reconciliation.csv"] = new(Access.PartnerStaff, Query: "partnerId={partnerId}&period={period}", Setup: OperatorTable.ReconPeriod),
        };
        AddBudgets(table, "/subscriptions/{subscription}", c => c.SubscriptionPath, Access.ProfileRead, Access.ProfileWrite);
        AddBudgets(table, Billing, c => c.AccountPath, Access.AccountRead, Access.AccountWrite);
        AddBudgets(table, Profile, c => c.ProfilePath, Access.ProfileRead, Access.ProfileWrite);
        foreach (var (key, value) in OperatorTable.All)
            table.Add(key, value);
        return table;
    }

    private static EndpointCase Download()
    {
        const string days = "&from=2019-09-01&to=2019-10-02";
        return new(Access.AccountRead, Query: "billingAccountId={billingAccountId}" + days)
        {
            More = [new(Access.ProfileRead, Query: "billingProfileId={billingProfileId}" + days), new(Access.ProfileRead, Query: "subscriptionId={subscription}" + days)],
        };
    }

    /// <summary>Null when the operator's GET of the budget just addressed answers the given status.</summary>
    private static async Task<string?> BudgetIs(RequestContext c, string scopePath, int status)
    {
        using var response = await c.Operator.GetAsync($"{scopePath}{Budgets}/{c.Route["name"]}?api-version=2021-10-01");
        return (int)response.StatusCode == status ? null : $"after the refusal the operator's GET of the budget answers {(int)response.StatusCode}, not {status}";
    }

    /// <summary>List and get read the "standing" budget; PUT creates a fresh one (201); DELETE removes one the operator made just before.</summary>
    private static void AddBudgets(Dictionary<string, EndpointCase> table, string scope, Func<RequestContext, string> scopePath, Access read, Access write)
    {
        table.Add($"GET {scope}{Budgets}", new(read));
        table.Add($"GET {scope}{Budgets}/{{name}}", new(read));
        table.Add($"PUT {scope}{Budgets}/{{name}}", new(write, 201, Body: c => AuthzWorld.BudgetBody(10m + c.N), Setup: c =>
        {
            c.Route["name"] = $"put-{c.N}";
            return Task.CompletedTask;
        })
        { AfterRefusal = c => BudgetIs(c, scopePath(c), 404) });
        table.Add($"DELETE {scope}{Budgets}/{{name}}", new(write, Setup: async c =>
        {
            c.Route["name"] = $"delete-{c.N}";
            await AuthzWorld.BudgetAsync(c.Operator, scopePath(c), c.Route["name"]);
        })
        { AfterRefusal = c => BudgetIs(c, scopePath(c), 200) });
    }
}
