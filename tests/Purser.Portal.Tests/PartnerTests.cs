using System.Globalization;
using Microsoft.Playwright;
using Purser.Core.Calendar;
using Purser.Testing;

namespace Purser.Portal.Tests;

/// <summary>
/// The partner pages (seed 003, R-RECON) as the demo partner's staff meet them: its customers' subscriptions with their seats,
/// each closed cycle's reconciliation file row by row and downloaded, and the cycle's invoices, every figure compared with
/// what the API answers for the same data (the reconciliation download as the same user, the operator's subscription
/// records, the customer's ARM invoices and transactions). Another partner and a customer learn nothing of them.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PartnerTests(PortalFixture portal)
{
    private const string PartnerId = "1234567";
    private const string CustomerProfile = "Fabrikam";

    [Fact]
    public async Task The_partner_center_lists_its_customers_subscriptions_with_their_seats_and_each_cycle_s_file()
    {
        var page = await SignedInStaffAsync();
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("partner-center");
        Assert.Equal(PartnerId, await page.TextOfAsync("partner-id"));

        // Every row is a subscription the operator's record links to this partner, shown as recorded.
        using var op = portal.Api.Operator();
        var rows = await page.Locator("tr[data-subscription]").AllAsync();
        var shown = new Dictionary<Guid, ILocator>();
        foreach (var row in rows)
        {
            var id = Guid.Parse((await row.GetAttributeAsync("data-subscription"))!);
            var stored = await op.GetJsonAsync($"/ops/subscriptions/{id}");
            Assert.Equal(PartnerId, stored.GetProperty("partnerId").GetString());
            Assert.Equal(stored.GetProperty("displayName").GetString(), await row.Locator("td").Nth(1).InnerTextAsync());
            Assert.Equal(stored.GetProperty("state").GetString(), await row.Locator("[data-test=state]").GetAttributeAsync("data-state"));
            shown[id] = row;
        }
        // And every subscription of the demo's partner-sold customer is one of them.
        var customerSubscriptions = await CustomerSubscriptionsAsync();
        Assert.Equal(2, customerSubscriptions.Count);
        Assert.All(customerSubscriptions, id => Assert.Contains(id, shown.Keys));

        // Each cycle's lines and total are its file's, as the API serves it to the same user.
        using var staff = await portal.ApiClientForAsync(Portal.PartnerStaff);
        var cycles = await page.Locator("tr[data-cycle]").AllAsync();
        Assert.NotEmpty(cycles);
        var allRows = new List<Dictionary<string, string>>();
        foreach (var cycle in cycles)
        {
            var file = await ReconAsync(staff, (await cycle.GetAttributeAsync("data-cycle"))!);
            Assert.NotEmpty(file);
            Assert.Equal(file.Count, int.Parse(await cycle.Locator("[data-test=cycle-lines]").InnerTextAsync(), CultureInfo.InvariantCulture));
            Assert.Equal(file.Sum(r => Number(r["amount"])), Portal.Amount(await cycle.Locator("[data-test=cycle-total]").InnerTextAsync()));
            allRows.AddRange(file);
        }

        // The license subscription's seats today are the seats its file bills for the period holding today.
        var license = customerSubscriptions.Single(id => allRows.Any(r => r["subscriptionId"] == id.ToString("D") && r["chargeType"] == "prepaid"));
        var today = BillingTimeZone.Resolve("Asia/Shanghai").DayOf(portal.Api.Clock.GetUtcNow());
        var prepaid = allRows.Single(r => r["subscriptionId"] == license.ToString("D") && r["chargeType"] == "prepaid"
            && Day(r["chargeStartDate"]) <= today && today <= Day(r["chargeEndDate"]));
        Assert.Equal(Number(prepaid["quantity"]), decimal.Parse(await shown[license].Locator("[data-test=seats]").InnerTextAsync(), CultureInfo.InvariantCulture));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_cycle_shows_its_file_s_rows_downloads_the_api_s_bytes_and_its_invoices_total_as_the_customer_s_api_reads_them_at_desktop_and_phone_width()
    {
        var page = await SignedInStaffAsync();
        var cycle = page.Locator("tr[data-cycle]").First;
        var period = (await cycle.GetAttributeAsync("data-cycle"))!;
        await cycle.Locator("a").First.ClickAsync();
        await page.Locator("[data-test=recon-rows]").WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("partner-cycle");

        using var staff = await portal.ApiClientForAsync(Portal.PartnerStaff);
        var file = await ReconAsync(staff, period);
        var rows = await page.Locator("[data-test=recon-row]").AllAsync();
        Assert.Equal(file.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(file[i]["subscriptionId"], await rows[i].Locator("[data-test=recon-subscription]").InnerTextAsync());
            Assert.Equal(Number(file[i]["quantity"]), decimal.Parse(await rows[i].Locator("[data-test=recon-quantity]").InnerTextAsync(), NumberStyles.Number, CultureInfo.InvariantCulture));
            Assert.Equal(Number(file[i]["amount"]), Portal.Amount(await rows[i].Locator("[data-test=recon-amount]").InnerTextAsync()));
            Assert.Equal(file[i]["invoiceNumber"], await rows[i].Locator("[data-test=recon-invoice]").InnerTextAsync());
        }
        Assert.Equal(file.Sum(r => Number(r["amount"])), Portal.Amount(await page.TextOfAsync("recon-total")));
        await page.AssertSameFileAsync(staff, "recon-download", Download(period));

        // Each invoice of the cycle: the partner's lines sum to its rows of the file; the demo's customer buys only from
        // this partner, so that is the whole invoice as the customer reads it through ARM, line for line.
        using var customer = await portal.ApiClientForAsync(Portal.PartnerCustomerAdmin);
        var (account, profile) = await CustomerNamesAsync();
        var invoices = await customer.ListAsync($"/providers/Microsoft.Billing/billingAccounts/{account}/billingProfiles/{profile}/invoices?api-version=2020-05-01&periodStartDate=2000-01-01&periodEndDate=2100-12-31");
        var listed = await page.Locator("tr[data-invoice]").AllAsync();
        var numbers = new List<string>();
        foreach (var row in listed)
            numbers.Add((await row.GetAttributeAsync("data-invoice"))!);
        Assert.Equal([.. file.Select(r => r["invoiceNumber"]).Distinct().Order(StringComparer.Ordinal)], numbers);
        var number = (await listed[0].GetAttributeAsync("data-invoice"))!;
        var own = file.Where(r => r["invoiceNumber"] == number).ToList();
        var onPage = Portal.Amount(await listed[0].Locator("[data-test=invoice-partner-amount]").InnerTextAsync());
        Assert.Equal(own.Sum(r => Number(r["amount"])), onPage);
        var invoice = invoices.Single(i => i.GetProperty("name").GetString() == number).GetProperty("properties");
        var transactions = await customer.ListAsync($"/providers/Microsoft.Billing/billingAccounts/{account}/invoices/{number}/transactions?api-version=2020-05-01");
        Assert.Equal(own.Count, transactions.Count);
        Assert.Equal(invoice.Value("subTotal"), onPage);

        // The staff hold no billing role of the customer's, so the invoice opens in the partner's view: its lines are the transactions.
        await listed[0].Locator("[data-test=invoice-link]").ClickAsync();
        await page.Locator("[data-test=lines]").WaitForAsync();
        Assert.Contains($"/portal/partners/{PartnerId}/invoices/", page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("partner-invoice");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(number);
        Assert.Equal(onPage, Portal.Amount(await page.TextOfAsync("partner-amount")));
        var lines = await page.Locator("[data-test=line]").AllAsync();
        Assert.Equal(transactions.Count, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var t = transactions[i].GetProperty("properties");
            Assert.Equal(t.GetProperty("productDescription").GetString(), await lines[i].Locator("td").First.InnerTextAsync());
            Assert.Equal(t.Value("transactionAmount"), Portal.Amount(await lines[i].Locator("[data-test=line-amount]").InnerTextAsync()));
        }

        // At phone width each partner page still fits the screen and stays accessible (one sign-in for both sizes keeps the suite fast).
        await page.SetViewportSizeAsync(375, 740);
        await page.AssertFitsAndAccessibleAsync();
        await page.Locator("[data-test=invoice-cycle]").ClickAsync();
        await page.Locator("[data-test=recon-rows]").WaitForAsync();
        await page.AssertFitsAndAccessibleAsync();
        await page.Locator("[data-test=nav-partner]").ClickAsync();
        await page.Locator("[data-test=partner-subscriptions]").WaitForAsync();
        await page.AssertFitsAndAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_partner_s_staff_and_a_customer_administrator_find_none_of_the_partner_s_pages_nor_its_file()
    {
        var page = await SignedInStaffAsync();
        var center = page.Url;
        await page.Locator("tr[data-cycle] a").First.ClickAsync();
        await page.Locator("[data-test=cycle-invoices]").WaitForAsync();
        var cycle = page.Url;
        var number = (await page.Locator("tr[data-invoice]").First.GetAttributeAsync("data-invoice"))!;
        var invoice = $"{center}/invoices/{number}";
        var file = $"{cycle}/reconciliation.csv";
        Assert.Equal(200, (await page.APIRequest.GetAsync(file)).Status);
        await page.Context.CloseAsync();

        // Another partner's staff: 404 for this partner's pages and file, and this partner's invoice is not under its own either.
        var otherId = $"P-{Guid.NewGuid():N}"[..12];
        var (email, password) = await OtherPartnerStaffAsync(otherId);
        var other = await portal.NewPageAsync();
        await other.SignInAsync(email, password);
        foreach (var url in new[] { center, cycle, invoice })
        {
            Assert.Equal(404, (await other.GotoAsync(url))!.Status);
            Assert.Equal(0, await other.Locator("[data-test=partner-subscriptions], [data-test=recon-rows], [data-test=lines]").CountAsync());
        }
        await other.AssertAccessibleAsync();
        Assert.Equal(404, (await other.APIRequest.GetAsync(file)).Status);
        await other.GotoAsync("/portal");
        await other.Locator("[data-test=partner-center]").ClickAsync();
        await Assertions.Expect(other.Locator("[data-test=partner-id]")).ToHaveTextAsync(otherId);
        Assert.Equal(0, await other.Locator("tr[data-subscription], tr[data-cycle]").CountAsync());
        Assert.Equal(404, (await other.GotoAsync($"{other.Url}/invoices/{number}"))!.Status);
        await other.Context.CloseAsync();

        // The partner's own customer: offered no partner pages, and refused them and the file.
        var customer = await portal.NewPageAsync();
        await customer.SignInAsync(Portal.PartnerCustomerAdmin, portal.Passwords[Portal.PartnerCustomerAdmin]);
        Assert.Equal(0, await customer.Locator("[data-test=partner-center]").CountAsync());
        foreach (var url in new[] { center, cycle, invoice })
            Assert.Equal(404, (await customer.GotoAsync(url))!.Status);
        Assert.Equal(404, (await customer.APIRequest.GetAsync(file)).Status);
        await customer.Context.CloseAsync();
    }

    // Signed in as the demo partner's staff, at the partner center reached from the subscriptions page's link.
    private async Task<IPage> SignedInStaffAsync()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PartnerStaff, portal.Passwords[Portal.PartnerStaff]);
        await page.Locator("[data-test=partner-center]").ClickAsync();
        await page.Locator("[data-test=partner-subscriptions]").WaitForAsync();
        return page;
    }

    private static string Download(string period) => $"/downloads/reconciliation.csv?partnerId={PartnerId}&period={period}";

    /// <summary>The rows of the cycle's reconciliation file as the API serves it, each by its header's column names.</summary>
    private static async Task<List<Dictionary<string, string>>> ReconAsync(HttpClient api, string period)
    {
        using var response = await api.GetAsync(Download(period));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {Download(period)} answered {(int)response.StatusCode}: {text}");
        var rows = CsvReading.Rows(text.TrimStart('\uFEFF'));
        return [.. rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(c => c.First, c => c.Second))];
    }

    private async Task<List<Guid>> CustomerSubscriptionsAsync()
    {
        var (account, profile) = await CustomerNamesAsync();
        using var customer = await portal.ApiClientForAsync(Portal.PartnerCustomerAdmin);
        var listed = await customer.ListAsync($"/providers/Microsoft.Billing/billingAccounts/{account}/billingProfiles/{profile}/billingSubscriptions?api-version=2020-05-01");
        return [.. listed.Select(s => Guid.Parse(s.GetProperty("name").GetString()!))];
    }

    private async Task<(string Account, string Profile)> CustomerNamesAsync()
    {
        var scope = await portal.ProfileScopeAsync(await portal.ProfileIdAsync(Portal.PartnerCustomerAdmin, CustomerProfile));
        return (Uri.EscapeDataString(scope.AccountName), scope.ProfileName!);
    }

    // A partner of its own and a member of its staff with a portal password, made through the operator API.
    private async Task<(string Email, string Password)> OtherPartnerStaffAsync(string partnerId)
    {
        using var op = portal.Api.Operator();
        await PurserApi.CreatedAsync(op, "/ops/partners", new { id = partnerId, companyName = "Northwind 经销商", billingDay = 15 });
        var email = $"staff@{partnerId.ToLowerInvariant()}.example";
        const string password = "another-partner-password";
        await PurserApi.CreatedAsync(op, "/ops/users", new { email, partnerId, password });
        return (email, password);
    }

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
