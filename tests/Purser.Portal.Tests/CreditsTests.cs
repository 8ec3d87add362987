using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Server.Arm.Consumption;

namespace Purser.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed partial class CreditsTests(PortalFixture portal)
{
    private const string Production = "生产环境";
    private const string Department = "研发部门";

    // The demo's prepaid profiles bill in China Standard Time, eight hours from UTC: their local days are not UTC's.
    private static readonly BillingTimeZone Zone = BillingTimeZone.Resolve("Asia/Shanghai");

    [Fact]
    public async Task The_credits_page_shows_the_api_s_balance_lots_and_transactions_for_the_chosen_local_days()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.OpenProfileAsync("Azure 信用额度", Production);
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("credits");
        using var api = await portal.ApiClientForAsync(Portal.PrepaidAdmin);
        var consumption = await ConsumptionPathAsync(ProfileIdOf(page.Url));

        var summary = (await api.GetJsonAsync(consumption + "/credits/balanceSummary?api-version=2023-03-01")).GetProperty("properties");
        var balances = summary.GetProperty("balanceSummary");
        Assert.Equal(balances.Value("estimatedBalance"), Portal.Amount(await page.TextOfAsync("estimated-balance")));
        Assert.Equal(balances.Value("currentBalance"), Portal.Amount(await page.TextOfAsync("current-balance")));
        Assert.Equal(summary.Value("pendingEligibleCharges"), Portal.Amount(await page.TextOfAsync("pending-charges")));
        Assert.Equal(summary.Value("pendingCreditAdjustments"), Portal.Amount(await page.TextOfAsync("pending-adjustments")));
        Assert.Equal(summary.Value("expiredCredit"), Portal.Amount(await page.TextOfAsync("expired-credit")));

        var lots = await api.ListAsync(consumption + "/lots?api-version=2023-03-01");
        Assert.NotEmpty(lots);
        Assert.Equal(lots.Count, await page.Locator("tr[data-lot]").CountAsync());
        foreach (var lot in lots)
        {
            var row = page.Locator($"tr[data-lot='{lot.GetProperty("name").GetString()}']");
            var properties = lot.GetProperty("properties");
            Assert.Equal(properties.Value("closedBalance"), Portal.Amount(await row.Locator("[data-test=lot-balance]").InnerTextAsync()));
            Assert.Equal(properties.Value("originalAmount"), Portal.Amount(await row.Locator("[data-test=lot-original]").InnerTextAsync()));
            var status = await row.Locator("[data-test=lot-status]").GetAttributeAsync("data-status");
            Assert.Equal(properties.GetProperty("status").GetString(), ConsumptionShapes.WireStatus(Enum.Parse<LotStatus>(status!)));
        }

        // Unless the form names other days, the last 30 local days of the profile, today included.
        var today = Zone.DayOf(portal.Api.Clock.GetUtcNow());
        Assert.Equal(Day(today.AddDays(-29)), await page.Locator("#from").InputValueAsync());
        Assert.Equal(Day(today), await page.Locator("#to").InputValueAsync());
        await AssertEventsAsync(page, api, consumption, today.AddDays(-29), today);

        // Other days through the form (a plain GET), read as the profile's days like the API's startDate and endDate:
        // around the second prepayment, forty days ago, and none of today's charges.
        var (from, to) = (today.AddDays(-45), today.AddDays(-35));
        await page.GetByLabel("起始日期").FillAsync(Day(from));
        await page.GetByLabel("结束日期").FillAsync(Day(to));
        await page.GetByRole(AriaRole.Button, new() { Name = "显示" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"from={Day(from)}", StringComparison.Ordinal) && url.Contains($"to={Day(to)}", StringComparison.Ordinal));
        Assert.Equal(Day(from), await page.Locator("#from").InputValueAsync());
        await AssertEventsAsync(page, api, consumption, from, to);
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_range_ending_before_it_starts_says_so_instead_of_listing()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.OpenProfileAsync("Azure 信用额度", Production);
        await page.GetByLabel("起始日期").FillAsync("2026-03-10");
        await page.GetByLabel("结束日期").FillAsync("2026-03-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "显示" }).ClickAsync();
        Assert.Contains("结束日期不能早于起始日期", await page.TextOfAsync("range-error"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-test=event]").CountAsync());
        Assert.Equal(400, (await page.GotoAsync($"/portal/profiles/{ProfileIdOf(page.Url)}/credits?from=yesterday&to=2026-03-01"))!.Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task At_billing_account_scope_each_profile_s_credit_is_the_api_s_balance_summary()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.Locator("[data-test=account-credits]").ClickAsync();
        await page.Locator("[data-test=profile-credits]").WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("account-credits");
        using var api = await portal.ApiClientForAsync(Portal.PrepaidAdmin);
        var rows = page.Locator("[data-test=profile-credits] tr[data-profile]");
        Assert.Equal(2, await rows.CountAsync());
        foreach (var row in await rows.AllAsync())
        {
            var consumption = await ConsumptionPathAsync(Guid.Parse((await row.GetAttributeAsync("data-profile"))!));
            var summary = (await api.GetJsonAsync(consumption + "/credits/balanceSummary?api-version=2023-03-01")).GetProperty("properties");
            Assert.Equal(summary.GetProperty("balanceSummary").Value("estimatedBalance"), Portal.Amount(await row.Locator("[data-test=estimated-balance]").InnerTextAsync()));
            Assert.Equal(summary.GetProperty("balanceSummary").Value("currentBalance"), Portal.Amount(await row.Locator("[data-test=current-balance]").InnerTextAsync()));
            Assert.Equal(summary.Value("pendingEligibleCharges"), Portal.Amount(await row.Locator("[data-test=pending-charges]").InnerTextAsync()));
            Assert.Equal(summary.Value("expiredCredit"), Portal.Amount(await row.Locator("[data-test=expired-credit]").InnerTextAsync()));
        }
        await page.GetByRole(AriaRole.Link, new() { Name = Department, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync(Department);
        await page.Locator("[data-test=lots]").WaitForAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("zh-Hant", "Azure 點數", "估計餘額", "點數清單", "起始日期")]
    [InlineData("en", "Azure credits", "Estimated balance", "Credits list", "From")]
    public async Task The_credits_page_speaks_each_language(string language, string credits, string estimated, string lots, string from)
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.ChooseLanguageAsync(language);
        await page.OpenProfileAsync(credits, Production);
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains(estimated, text, StringComparison.Ordinal);
        Assert.Contains(lots, text, StringComparison.Ordinal);
        Assert.Equal("from", await page.GetByLabel(from, new() { Exact = true }).GetAttributeAsync("id"));
        Assert.Matches(@"^CNY -?\d{1,3}(,\d{3})*\.\d{2}$", await page.TextOfAsync("estimated-balance"));
        Assert.Matches(language == "en" ? @"[A-Z][a-z]{2} \d{1,2}, \d{4}" : @"\d{4}年\d{1,2}月\d{1,2}日", await page.TextOfAsync("events-shown"));
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_profile_reader_reads_their_profile_s_credit_only_and_another_tenant_finds_none()
    {
        var production = await ProfileIdAsync("prepaid-prod");
        var department = await ProfileIdAsync("prepaid-dept");
        var account = (await portal.ProfileScopeAsync(production)).AccountId;

        var reader = await portal.NewPageAsync();
        await reader.SignInAsync(Portal.PrepaidReader, portal.Passwords[Portal.PrepaidReader]);
        Assert.Equal(0, await reader.Locator("[data-test=account-credits]").CountAsync());
        await reader.OpenProfileAsync("Azure 信用额度", Production);
        Assert.Equal(403, (await reader.GotoAsync($"/portal/profiles/{department}/credits"))!.Status);
        Assert.Equal(403, (await reader.GotoAsync($"/portal/profiles/{department}/invoices"))!.Status);
        Assert.Equal(403, (await reader.GotoAsync($"/portal/accounts/{account}/credits"))!.Status);
        await reader.AssertAccessibleAsync();
        await reader.Context.CloseAsync();

        var other = await portal.NewPageAsync();
        await other.SignInAsync(Portal.PaygAdmin, portal.Passwords[Portal.PaygAdmin]);
        Assert.Equal(404, (await other.GotoAsync($"/portal/profiles/{production}/credits"))!.Status);
        Assert.Equal(404, (await other.GotoAsync($"/portal/accounts/{account}/credits"))!.Status);
        Assert.Equal(0, await other.Locator("[data-test=estimated-balance]").CountAsync());
        await other.AssertAccessibleAsync();
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_credit_pages_fit_the_screen_and_stay_accessible()
    {
        var page = await portal.NewPageAsync(phone: true);
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.OpenProfileAsync("Azure 信用额度", Production);
        await page.AssertFitsAndAccessibleAsync();
        await page.Locator("header .brand").ClickAsync();
        await page.Locator("[data-test=account-credits]").ClickAsync();
        await page.Locator("[data-test=profile-credits]").WaitForAsync();
        await page.AssertFitsAndAccessibleAsync();
        await page.Context.CloseAsync();
    }

    private static async Task AssertEventsAsync(IPage page, HttpClient api, string consumption, DateOnly from, DateOnly to)
    {
        var events = await api.ListAsync($"{consumption}/events?api-version=2023-03-01&startDate={Day(from)}&endDate={Day(to)}");
        var rows = await page.Locator("[data-test=event]").AllAsync();
        Assert.NotEmpty(events);
        Assert.Equal(events.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var e = events[i].GetProperty("properties");
            // The transaction date carries the profile's offset, so the day it reads as is the profile's local day.
            var day = DateOnly.FromDateTime(e.GetProperty("transactionDate").GetDateTimeOffset().DateTime);
            Assert.Equal(Day(day), await rows[i].GetAttributeAsync("data-date"));
            Assert.InRange(day, from, to);
            Assert.Equal(e.Value("closedBalance"), Portal.Amount(await rows[i].Locator("[data-test=event-balance]").InnerTextAsync()));
            Assert.Equal(e.Value("newCredit") + e.Value("adjustments") + e.Value("creditExpired") + e.Value("charges"),
                Portal.Amount(await rows[i].Locator("[data-test=event-amount]").InnerTextAsync()));
        }
    }

    private async Task<string> ConsumptionPathAsync(Guid profileId)
    {
        var scope = await portal.ProfileScopeAsync(profileId);
        return $"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(scope.AccountName)}/billingProfiles/{scope.ProfileName}/providers/Microsoft.Consumption";
    }

    private async Task<Guid> ProfileIdAsync(string key)
    {
        var id = Engine.Accounts.ArmNames.StableId("profile:" + key);
        Assert.Equal(id, (await portal.ProfileScopeAsync(id)).ProfileId);
        return id;
    }

    internal static Guid ProfileIdOf(string url) => Guid.Parse(ProfileInUrl().Match(url).Groups[1].Value);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);


    [GeneratedRegex("/portal/profiles/([0-9a-f-]{36})/")]
    private static partial Regex ProfileInUrl();
}
