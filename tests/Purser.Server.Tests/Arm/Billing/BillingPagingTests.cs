using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.Arm.Billing.BillingTenant;

namespace Purser.Server.Tests.Arm.Billing;

public class BillingPagingTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Following_nextLink_pages_through_every_list_with_api_version_and_filters_in_the_link(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var tenant = await BuildAsync(api);
        using var op = api.Operator();

        foreach (var (path, top) in new[]
                 {
                     ("/providers/Microsoft.Billing/billingAccounts?$expand=billingProfiles&", 1),
                     ($"{tenant.AccountPath}/billingProfiles?", 1),
                     ($"{tenant.AccountPath}/billingRoleAssignments?", 3),
                     ($"{tenant.ProfilePath(tenant.Development)}/billingSubscriptions?", 2),
                     ($"{tenant.AccountPath}/invoices?", 1),
                     ($"{tenant.AccountPath}/invoices?periodStartDate=2019-08-01&periodEndDate=2019-09-30&", 1),
                     ($"{tenant.ProfilePath(tenant.Development)}/invoices?periodStartDate=2019-01-01&periodEndDate=2019-12-31&", 2),
                 })
        {
            var everything = await BillingJson.ValuesAsync(op, $"{path}{ApiVersion}");
            Assert.True(everything.Count > top, $"{path} needs more than {top} items to page");

            var pages = await FollowAsync(op, $"{path}$top={top}&{ApiVersion}");

            Assert.All(pages.SkipLast(1), page => Assert.Equal(top, page.GetProperty("value").GetArrayLength()));
            Assert.Equal(everything.Names(), pages.SelectMany(page => page.GetProperty("value").EnumerateArray()).Names());
            Assert.Equal((everything.Count + top - 1) / top, pages.Count);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Invoice_pages_count_every_match_and_keep_the_period_in_nextLink(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var tenant = await BuildAsync(api);
        using var op = api.Operator();

        var first = await BillingJson.GetAsync(op, $"{tenant.AccountPath}/invoices?periodStartDate=2019-08-01&periodEndDate=2019-09-30&$top=1&{ApiVersion}");

        Assert.Equal(3, first.GetProperty("totalCount").GetInt32());
        var link = new Uri(first.Str("nextLink"));
        Assert.Equal(new Uri(api.BaseAddress).Authority, link.Authority);
        var query = QueryHelpers.ParseQuery(link.Query);
        Assert.Equal("2020-05-01", Assert.Single(query["api-version"]));
        Assert.Equal("2019-08-01", Assert.Single(query["periodStartDate"]));
        Assert.Equal("2019-09-30", Assert.Single(query["periodEndDate"]));
        var second = await BillingJson.GetAsync(op, link.PathAndQuery);
        Assert.Equal(3, second.GetProperty("totalCount").GetInt32());
        Assert.NotEqual(first.GetProperty("value")[0].Str("name"), second.GetProperty("value")[0].Str("name"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Billing_answers_only_its_api_versions(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var tenant = await BuildAsync(api);
        using var op = api.Operator();
        var period = "periodStartDate=2019-01-01&periodEndDate=2019-12-31";

        foreach (var path in new[]
                 {
                     "/providers/Microsoft.Billing/billingAccounts?", $"{tenant.AccountPath}?", $"{tenant.AccountPath}/billingProfiles?",
                     $"{tenant.ProfilePath(tenant.Development)}?", $"{tenant.ProfilePath(tenant.Development)}/billingSubscriptions?",
                     $"{tenant.AccountPath}/billingRoleAssignments?", $"{tenant.ProfilePath(tenant.Development)}/billingRoleAssignments?",
                     $"{tenant.ProfilePath(tenant.Development)}/invoices?{period}&", $"{tenant.AccountPath}/invoices?",
                     $"{tenant.AccountPath}/invoices/{tenant.OperationsInvoice}?",
                 })
        {
            var missing = (await BillingJson.GetAsync(op, path, HttpStatusCode.BadRequest)).GetProperty("error");
            Assert.Equal("MissingApiVersionParameter", missing.Str("code"));
            var invalid = (await BillingJson.GetAsync(op, $"{path}api-version=2021-10-01", HttpStatusCode.BadRequest)).GetProperty("error");
            Assert.Equal("InvalidApiVersionParameter", invalid.Str("code"));
            Assert.Contains("2020-05-01", invalid.Str("message"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"{path}{ApiVersion}")).StatusCode);
        }
    }

    private static async Task<List<JsonElement>> FollowAsync(HttpClient http, string path)
    {
        var pages = new List<JsonElement>();
        string? next = path;
        while (next is not null)
        {
            Assert.True(pages.Count < 20, "nextLink never ends");
            var page = await BillingJson.GetAsync(http, next);
            pages.Add(page);
            next = page.TryGetProperty("nextLink", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
            if (next is not null)
                Assert.Contains(ApiVersion, next, StringComparison.Ordinal);
        }
        return pages;
    }
}
