using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Purser.Core.Calendar;
using Purser.Engine.Access;

namespace Purser.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class OverviewTests(PortalFixture portal)
{
    private const string Production = "标准预付费 - 生产";

    [Fact]
    public async Task The_overview_shows_the_api_s_credit_days_and_usage_for_the_same_user()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.AssertAccessibleAsync();
        await page.OpenSubscriptionAsync(Production);
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("overview");
        var subscriptionId = Guid.Parse(await page.TextOfAsync("subscription-id"));

        using var api = await portal.ApiClientForAsync(Portal.PrepaidAdmin);
        var scope = (await portal.Api.Services.GetRequiredService<ScopeResolver>().FindSubscriptionAsync(subscriptionId.ToString(), default))!;
        var consumption = $"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(scope.AccountName)}/billingProfiles/{scope.ProfileName}/providers/Microsoft.Consumption";
        var balance = await api.GetJsonAsync(consumption + "/credits/balanceSummary?api-version=2023-03-01");
        // What is left to spend now: the balance summary's estimate, which counts the draws not yet invoiced.
        var estimated = balance.GetProperty("properties").GetProperty("balanceSummary").GetProperty("estimatedBalance").GetProperty("value").GetDecimal();
        Assert.Equal("CNY " + estimated.ToString("N2", CultureInfo.GetCultureInfo("zh-Hans")), await page.TextOfAsync("remaining-credit"));

        var lots = (await api.GetJsonAsync(consumption + "/lots?api-version=2023-03-01")).GetProperty("value").EnumerateArray()
            .Where(l => l.GetProperty("properties").GetProperty("status").GetString() == "Active").ToList();
        var zone = BillingTimeZone.Resolve("Asia/Shanghai");
        var today = zone.DayOf(portal.Api.Clock.GetUtcNow());
        var lastExpiry = lots.Max(l => l.GetProperty("properties").GetProperty("expirationDate").GetDateTimeOffset());
        Assert.Equal((zone.DayOf(lastExpiry).DayNumber - today.DayNumber).ToString(CultureInfo.InvariantCulture),
            await page.Locator("[data-test=remaining-days]").GetAttributeAsync("data-days"));
        var purchased = lots.OrderByDescending(l => l.GetProperty("properties").GetProperty("expirationDate").GetDateTimeOffset()).First()
            .GetProperty("properties").GetProperty("purchasedDate").GetDateTimeOffset();
        Assert.Equal(zone.DayOf(purchased).ToString("yyyy年M月d日", CultureInfo.GetCultureInfo("zh-Hans")), await page.TextOfAsync("purchase-date"));

        // The usage chart's table against the operator API's usage series: the same days, the same costs.
        var series = await portal.Api.Operator().GetJsonAsync($"/ops/subscriptions/{subscriptionId}/usageSeries");
        var days = series.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(11, days.Count);
        foreach (var day in days)
        {
            var date = day.GetProperty("date").GetString();
            var cost = day.GetProperty("cost").GetDecimal();
            Assert.Equal("CNY " + cost.ToString("N2", CultureInfo.GetCultureInfo("zh-Hans")), await page.Locator($"[data-test=usage-table] td[data-date='{date}']").InnerTextAsync());
        }
        Assert.Contains("并非实时", await page.TextOfAsync("not-real-time"), StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日$", await page.TextOfAsync("runs-out"));
        Assert.Equal("重新交费", await page.TextOfAsync("pay"));
        Assert.Equal(Portal.PrepaidAdmin, await page.TextOfAsync("admin"));
        Assert.Matches("^ORD-", await page.TextOfAsync("order-id"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("zh-Hans", "剩余信用额度", "剩余天数", "购买日期", "并非实时")]
    [InlineData("zh-Hant", "剩餘信用額度", "剩餘天數", "購買日期", "並非即時")]
    [InlineData("en", "Remaining credit", "Remaining days", "Purchase date", "not real-time")]
    public async Task The_overview_speaks_each_language_with_its_dates_and_money(string language, string credit, string days, string purchase, string notRealTime)
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.ChooseLanguageAsync(language);
        await page.OpenSubscriptionAsync(Production);
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains(credit, text, StringComparison.Ordinal);
        Assert.Contains(days, text, StringComparison.Ordinal);
        Assert.Contains(purchase, text, StringComparison.Ordinal);
        Assert.Contains(notRealTime, await page.TextOfAsync("not-real-time"), StringComparison.Ordinal);
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        var purchaseDate = await page.TextOfAsync("purchase-date");
        Assert.Matches(language == "en" ? @"^[A-Z][a-z]{2} \d{1,2}, \d{4}$" : @"^\d{4}年\d{1,2}月\d{1,2}日$", purchaseDate);
        Assert.Matches(@"^CNY \d{1,3}(,\d{3})*\.\d{2}$", await page.TextOfAsync("remaining-credit"));
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_sign_in_the_list_the_overview_and_pay_fit_the_screen_and_stay_accessible()
    {
        var page = await portal.NewPageAsync(phone: true);
        await page.GotoAsync("/portal/signin");
        await page.AssertFitsAndAccessibleAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.AssertFitsAndAccessibleAsync();
        await page.OpenSubscriptionAsync(Production);
        await page.AssertFitsAndAccessibleAsync();
        await page.Locator("[data-test=pay]").ClickAsync();
        await page.Locator("#amount").WaitForAsync();
        await page.AssertFitsAndAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_enterprise_subscription_points_to_the_enterprise_portal_and_shows_no_credit()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.EnterpriseAdmin, portal.Passwords[Portal.EnterpriseAdmin]);
        await page.OpenSubscriptionAsync("企业协议订阅");
        Assert.Contains("企业门户", await page.TextOfAsync("enterprise"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-test=remaining-credit]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-test=pay]").CountAsync());
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }
}
