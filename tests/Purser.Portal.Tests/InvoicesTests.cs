using System.Text.Json;
using Microsoft.Playwright;

namespace Purser.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class InvoicesTests(PortalFixture portal)
{
    private const string Production = "生产环境";

    [Fact]
    public async Task The_invoice_list_and_detail_show_the_api_s_invoices_lines_and_pdf()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.OpenProfileAsync("发票", Production);
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("invoices");
        using var api = await portal.ApiClientForAsync(Portal.PrepaidAdmin);
        var (account, profile) = await NamesAsync(CreditsTests.ProfileIdOf(page.Url));

        // The demo closed last month through a billing run, as the operator's /ops billing run does.
        var invoices = await api.ListAsync($"/providers/Microsoft.Billing/billingAccounts/{account}/billingProfiles/{profile}/invoices?api-version=2020-05-01&periodStartDate=2000-01-01&periodEndDate=2100-12-31");
        Assert.NotEmpty(invoices);
        Assert.Equal(invoices.Count, await page.Locator("tr[data-invoice]").CountAsync());
        foreach (var invoice in invoices)
        {
            var row = page.Locator($"tr[data-invoice='{invoice.GetProperty("name").GetString()}']");
            var properties = invoice.GetProperty("properties");
            Assert.Equal(properties.Value("totalAmount"), Portal.Amount(await row.Locator("[data-test=invoice-total]").InnerTextAsync()));
            Assert.Equal(properties.Value("amountDue"), Portal.Amount(await row.Locator("[data-test=invoice-due]").InnerTextAsync()));
            Assert.Equal(properties.GetProperty("status").GetString(), await row.Locator("[data-test=invoice-status]").GetAttributeAsync("data-status"));
        }

        var first = invoices[0];
        var number = first.GetProperty("name").GetString()!;
        await page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await page.Locator("[data-test=lines]").WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("invoice");
        var shown = first.GetProperty("properties");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(number);
        Assert.Equal(shown.Value("subTotal"), Portal.Amount(await page.TextOfAsync("sub-total")));
        Assert.Equal(shown.Value("taxAmount"), Portal.Amount(await page.TextOfAsync("tax")));
        Assert.Equal(shown.Value("totalAmount"), Portal.Amount(await page.TextOfAsync("total")));
        Assert.Equal(shown.Value("azurePrepaymentApplied") + shown.Value("freeAzureCreditApplied"), Portal.Amount(await page.TextOfAsync("credit-applied")));
        Assert.Equal(shown.Value("amountDue"), Portal.Amount(await page.TextOfAsync("amount-due")));

        var transactions = await api.ListAsync($"/providers/Microsoft.Billing/billingAccounts/{account}/invoices/{number}/transactions?api-version=2020-05-01");
        var lines = await page.Locator("[data-test=line]").AllAsync();
        Assert.NotEmpty(transactions);
        Assert.Equal(transactions.Count, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var t = transactions[i].GetProperty("properties");
            Assert.Equal(t.GetProperty("productDescription").GetString(), await lines[i].Locator("td").First.InnerTextAsync());
            Assert.Equal(t.Value("transactionAmount"), Portal.Amount(await lines[i].Locator("[data-test=line-amount]").InnerTextAsync()));
            Assert.Equal(t.Value("azureCreditApplied"), Portal.Amount(await lines[i].Locator("[data-test=line-credit]").InnerTextAsync()));
        }

        // The link answers the invoice's PDF, the same document the API serves.
        var pdf = await page.APIRequest.GetAsync((await page.Locator("[data-test=pdf]").GetAttributeAsync("href"))!);
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("application/pdf", pdf.Headers["content-type"], StringComparison.Ordinal);
        var body = await pdf.BodyAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(body, 0, 4));
        var fromApi = await api.GetAsync(Documents(first));
        Assert.Equal("application/pdf", fromApi.Content.Headers.ContentType?.MediaType);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_tenant_gets_404_for_the_invoice_pages_and_pdf()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.OpenProfileAsync("发票", Production);
        var list = page.Url;
        await page.Locator("tr[data-invoice] a").First.ClickAsync();
        await page.Locator("[data-test=lines]").WaitForAsync();
        var detail = page.Url;
        var pdf = new Uri(new Uri(detail), (await page.Locator("[data-test=pdf]").GetAttributeAsync("href"))!).AbsoluteUri;
        await page.Context.CloseAsync();

        var other = await portal.NewPageAsync();
        await other.SignInAsync(Portal.PaygAdmin, portal.Passwords[Portal.PaygAdmin]);
        foreach (var url in new[] { list, detail })
        {
            Assert.Equal(404, (await other.GotoAsync(url))!.Status);
            Assert.Equal(0, await other.Locator("[data-test=lines], [data-test=invoices]").CountAsync());
        }
        Assert.Equal(404, (await other.APIRequest.GetAsync(pdf)).Status);
        // Its own invoice numbers do not open this tenant's invoice under its own profile either.
        await other.Locator("header .brand").ClickAsync();
        await other.Locator("[data-test=profiles] a[href$='/invoices']").ClickAsync();
        await other.Locator("main h1").WaitForAsync();
        Assert.Equal(404, (await other.GotoAsync(other.Url + "/" + new Uri(detail).Segments[^1]))!.Status);
        await other.AssertAccessibleAsync();
        await other.SaveScreenshotAsync("not-found");
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_invoice_pages_fit_the_screen_and_stay_accessible()
    {
        var page = await portal.NewPageAsync(phone: true);
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.OpenProfileAsync("发票", Production);
        await page.AssertFitsAndAccessibleAsync();
        await page.Locator("tr[data-invoice] a").First.ClickAsync();
        await page.Locator("[data-test=lines]").WaitForAsync();
        await page.AssertFitsAndAccessibleAsync();
        await page.Context.CloseAsync();
    }

    private async Task<(string Account, string Profile)> NamesAsync(Guid profileId)
    {
        var scope = await portal.ProfileScopeAsync(profileId);
        return (Uri.EscapeDataString(scope.AccountName), scope.ProfileName!);
    }

    private static string Documents(JsonElement invoice) =>
        invoice.GetProperty("properties").GetProperty("documents")[0].GetProperty("url").GetString()!;
}
