using System.Globalization;
using Microsoft.Playwright;

namespace Purser.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class DownloadsTests(PortalFixture portal)
{
    private const string ProductionSubscription = "标准预付费 - 生产";

    [Fact]
    public async Task The_downloads_form_saves_the_api_s_usage_and_billing_history_files()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.GetByRole(AriaRole.Link, new() { Name = "下载", Exact = true }).ClickAsync();
        await page.Locator("[data-test=downloads]").WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("downloads");

        // Both profiles are in Shanghai: the form starts on the current local month so far.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(portal.Api.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        Assert.Equal(Day(new DateOnly(today.Year, today.Month, 1)), await page.GetByLabel("起始日期").InputValueAsync());
        Assert.Equal(Day(today), await page.GetByLabel("结束日期").InputValueAsync());

        using var api = await portal.ApiClientForAsync(Portal.PrepaidAdmin);
        var (from, to) = (Day(today.AddDays(-45)), Day(today));
        var production = $"billingProfileId:{ProfileId("prepaid-prod")}";
        await ChooseAsync(page, production, from, to);
        await page.AssertSameFileAsync(api, "download-usage", $"/downloads/usage.csv?billingProfileId={ProfileId("prepaid-prod")}&from={from}&to={to}");

        // A subscription, by its name in the list, and the billing history of a range holding last month's invoice.
        var subscription = (await page.GetByLabel("范围").SelectOptionAsync(new SelectOptionValue { Label = ProductionSubscription }))[0];
        Assert.StartsWith("subscriptionId:", subscription, StringComparison.Ordinal);
        (from, to) = (Day(today.AddMonths(-2)), Day(today));
        await ChooseAsync(page, subscription, from, to);
        await page.AssertSameFileAsync(api, "download-history", $"/downloads/billing-history.csv?subscriptionId={subscription["subscriptionId:".Length..]}&from={from}&to={to}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_reader_is_refused_another_profile_s_files_and_another_tenant_finds_none()
    {
        var (production, department) = (ProfileId("prepaid-prod"), ProfileId("prepaid-dept"));
        const string Days = "from=2026-01-01&to=2026-01-31";

        var reader = await portal.NewPageAsync();
        await reader.SignInAsync(Portal.PrepaidReader, portal.Passwords[Portal.PrepaidReader]);
        await reader.GetByRole(AriaRole.Link, new() { Name = "下载", Exact = true }).ClickAsync();
        await reader.Locator("[data-test=downloads]").WaitForAsync();
        Assert.Equal(1, await reader.Locator($"#scope option[value='billingProfileId:{production}']").CountAsync());
        Assert.Equal(0, await reader.Locator($"#scope option[value='billingProfileId:{department}']").CountAsync());
        Assert.Equal(200, (await reader.APIRequest.GetAsync($"/portal/downloads/usage.csv?scope=billingProfileId:{production}&{Days}")).Status);
        foreach (var file in new[] { "usage", "billing-history" })
            Assert.Equal(403, (await reader.APIRequest.GetAsync($"/portal/downloads/{file}.csv?scope=billingProfileId:{department}&{Days}")).Status);
        // A scope the form could not have sent is bad input, not a failure.
        Assert.Equal(400, (await reader.APIRequest.GetAsync($"/portal/downloads/usage.csv?scope=profile:{production}&{Days}")).Status);
        await reader.Context.CloseAsync();

        var other = await portal.NewPageAsync();
        await other.SignInAsync(Portal.PaygAdmin, portal.Passwords[Portal.PaygAdmin]);
        foreach (var file in new[] { "usage", "billing-history" })
            Assert.Equal(404, (await other.APIRequest.GetAsync($"/portal/downloads/{file}.csv?scope=billingProfileId:{production}&{Days}")).Status);
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_downloads_page_fits_the_screen_and_stays_accessible()
    {
        var page = await portal.NewPageAsync(phone: true);
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.GetByRole(AriaRole.Link, new() { Name = "下载", Exact = true }).ClickAsync();
        await page.Locator("[data-test=downloads]").WaitForAsync();
        await page.AssertFitsAndAccessibleAsync();
        await page.Context.CloseAsync();
    }

    private static async Task ChooseAsync(IPage page, string scope, string from, string to)
    {
        await page.GetByLabel("范围").SelectOptionAsync(scope);
        await page.GetByLabel("起始日期").FillAsync(from);
        await page.GetByLabel("结束日期").FillAsync(to);
    }

    private static Guid ProfileId(string key) => Engine.Accounts.ArmNames.StableId("profile:" + key);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
