using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purser.Core.Calendar;
using Purser.Engine;
using Purser.Engine.Lifecycle;

namespace Purser.Portal.Tests;

/// <summary>
/// R-TRIAL, R-REACTIVATE, R-IDS by keyboard alone: the demo's trial, past its month, tells its administrator
/// what upgrading does and the day its data goes; the id copies; upgrading through the page re-enables it.
/// Its own server, because the clock moves three weeks.
/// </summary>
public sealed class DisabledTests
{
    private const string Trial = "1元试用";
    private static readonly BillingTimeZone Shanghai = BillingTimeZone.Resolve("Asia/Shanghai");

    [Fact]
    public async Task A_trial_past_its_month_says_when_its_data_goes_and_upgrading_by_keyboard_re_enables_it()
    {
        await using var portal = await PortalFixture.StartAsync(StorageEngine.Sqlite);
        portal.Api.AdvanceClockTo(portal.Api.Clock.GetUtcNow().AddDays(22));
        await portal.Api.Services.GetRequiredService<LifecycleSweep>().RunAsync(CancellationToken.None);

        var page = await portal.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = portal.Api.BaseAddress });
        await page.GotoAsync("/portal");
        await page.TabToAsync(page.Locator("#email"));
        await page.Keyboard.TypeAsync(Portal.TrialAdmin);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(portal.Passwords[Portal.TrialAdmin]);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/portal/signin", StringComparison.Ordinal));
        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = Trial, Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-test=subscription-id]").WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("overview-disabled");

        var subscriptionId = Guid.Parse(await page.TextOfAsync("subscription-id"));
        Assert.Equal("已停用", await page.TextOfAsync("state"));
        await Assertions.Expect(page.Locator("section.message.warning")).ToContainTextAsync("充值后订阅将重新启用");
        // R-TRIAL: a trial lasts one month from its start on the profile's calendar; its data goes 15 days after it ends.
        var started = (await portal.OperatorSubscriptionAsync(subscriptionId)).GetProperty("createdAt").GetDateTimeOffset();
        var deletion = Shanghai.DayOf(Shanghai.AddMonths(started, 1).AddDays(15));
        Assert.Equal($"如不充值，数据将于 {deletion:yyyy年M月d日} 永久删除。", await page.TextOfAsync("deletion"));

        Assert.Equal("CNY 0.00", await page.TextOfAsync("remaining-credit"));
        Assert.Equal("没有剩余额度，无需预计。", await page.TextOfAsync("forecast"));

        await page.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "复制订阅 ID", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(subscriptionId.ToString(), await page.EvaluateAsync<string>("navigator.clipboard.readText()"));

        await page.TabToAsync(page.Locator("[data-test=pay]"));
        Assert.Equal("立即升级", await page.TextOfAsync("pay"));
        await page.Keyboard.PressAsync("Enter");
        await page.TabToAsync(page.Locator("#amount"));
        await page.Keyboard.TypeAsync("1000");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-test=pay-done]")).ToBeVisibleAsync();

        var state = await portal.OperatorSubscriptionAsync(subscriptionId);
        Assert.Equal(("Active", "StandardPrepaid"), (state.GetProperty("state").GetString(), state.GetProperty("offerType").GetString()));
        // The new credit's last day on the profile's calendar, as the lot it bought says.
        var expires = await portal.NewestLotExpiryAsync(Portal.TrialAdmin, subscriptionId);
        Assert.Equal($"已收到付款 CNY 1,000.00，新的额度有效期至 {Shanghai.DayOf(expires):yyyy年M月d日}。", await page.TextOfAsync("pay-done"));

        await page.GotoAsync($"/portal/subscriptions/{subscriptionId}");
        Assert.Equal("活动", await page.TextOfAsync("state"));
        Assert.Equal(0, await page.Locator("[data-test=deletion]").CountAsync());
        Assert.Equal("重新交费", await page.TextOfAsync("pay"));
        await page.Context.CloseAsync();
    }
}
