using System.Net;
using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.Arm.Billing.BillingTenant;

namespace Purser.Server.Tests.Arm.Billing;

/// <summary>T-AUTHZ for the Microsoft.Billing read surface: every role against every endpoint.</summary>
public class BillingAccessMatrixTests
{
    private enum Reach
    {
        /// <summary>Readable by account roles and by the Development profile's roles.</summary>
        Development,

        /// <summary>Readable by account roles only.</summary>
        AccountOnly,

        /// <summary>The account itself: seen by anyone of the tenant (hasReadAccess tells the rest).</summary>
        Tenant,
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Every_role_gets_200_403_404_or_401_as_R_ROLES_says(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var tenant = await BuildAsync(api);
        var period = "periodStartDate=2019-01-01&periodEndDate=2019-12-31";
        var dev = tenant.ProfilePath(tenant.Development);
        var ops = tenant.ProfilePath(tenant.Operations);
        var endpoints = new (string Path, Reach Reach)[]
        {
            ($"{tenant.AccountPath}?", Reach.Tenant),
            ($"{tenant.AccountPath}/billingProfiles?", Reach.Development),
            ($"{dev}?", Reach.Development),
            ($"{dev}/billingSubscriptions?", Reach.Development),
            ($"{dev}/billingRoleAssignments?", Reach.Development),
            ($"{dev}/invoices?{period}&", Reach.Development),
            ($"{tenant.AccountPath}/invoices?", Reach.Development),
            ($"{tenant.AccountPath}/invoices/{tenant.DevelopmentInvoices[0]}?", Reach.Development),
            ($"{tenant.AccountPath}/billingRoleAssignments?", Reach.AccountOnly),
            ($"{ops}?", Reach.AccountOnly),
            ($"{ops}/billingSubscriptions?", Reach.AccountOnly),
            ($"{ops}/billingRoleAssignments?", Reach.AccountOnly),
            ($"{ops}/invoices?{period}&", Reach.AccountOnly),
            ($"{tenant.AccountPath}/invoices/{tenant.OperationsInvoice}?", Reach.AccountOnly),
        };

        var failures = new List<string>();
        foreach (var caller in tenant.Roles.Keys.Append("Operator").Append("Anonymous"))
        {
            using var http = caller switch
            {
                "Operator" => api.Operator(),
                "Anonymous" => api.Client(null),
                _ => tenant.As(caller),
            };
            foreach (var (path, reach) in endpoints)
            {
                var expected = Expected(caller, reach);
                var response = await http.GetAsync($"{path}{ApiVersion}");
                if (response.StatusCode != expected)
                    failures.Add($"{caller} GET {path}: expected {(int)expected}, got {(int)response.StatusCode}");
                else if (expected != HttpStatusCode.OK)
                    Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static HttpStatusCode Expected(string caller, Reach reach) => caller switch
    {
        "Anonymous" => HttpStatusCode.Unauthorized,
        Stranger => HttpStatusCode.NotFound,
        "Operator" => HttpStatusCode.OK,
        _ when reach == Reach.Tenant => HttpStatusCode.OK,
        _ when AccountRoles.Contains(caller) => HttpStatusCode.OK,
        _ when ProfileRoles.Contains(caller) && reach == Reach.Development => HttpStatusCode.OK,
        _ => HttpStatusCode.Forbidden,
    };
}
