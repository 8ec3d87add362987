using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purser.Engine.Subscriptions;

namespace Purser.Portal.Tests;

/// <summary>R-ENT: the enterprise account administrator cancels an Enterprise subscription after a confirmation step; nobody else is offered it.</summary>
[Collection(PortalCollection.Name)]
public sealed class CancelTests(PortalFixture portal)
{
    private const string EnterpriseProfile = "集团总部";

    [Fact]
    public async Task The_enterprise_account_administrator_cancels_after_confirming_and_the_api_then_reads_it_cancelled()
    {
        // A subscription of the demo's enterprise profile made for this test, so the demo's own keeps running.
        var name = $"企业协议 - 待取消 {Guid.NewGuid():N}"[..20];
        var subscriptionId = await EnterpriseSubscriptionAsync(name);
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.EnterpriseAdmin, portal.Passwords[Portal.EnterpriseAdmin]);
        await page.OpenSubscriptionAsync(name);
        await page.Locator("[data-test=cancel]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=cancel-warning]")).ToContainTextAsync(name);
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("cancel");
        // Reaching the confirmation changes nothing.
        Assert.Equal("Active", (await portal.ArmSubscriptionAsync(Portal.EnterpriseAdmin, subscriptionId)).GetProperty("subscriptionBillingStatus").GetString());

        await page.Locator("[data-test=confirm-cancel]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=cancel-done]")).ToHaveTextAsync($"“{name}”已取消，状态：已取消。");
        Assert.Equal("Inactive", (await portal.ArmSubscriptionAsync(Portal.EnterpriseAdmin, subscriptionId)).GetProperty("subscriptionBillingStatus").GetString());
        Assert.Equal("Cancelled", (await portal.OperatorSubscriptionAsync(subscriptionId)).GetProperty("state").GetString());

        await page.GotoAsync($"/portal/subscriptions/{subscriptionId}");
        Assert.Equal("已取消", await page.TextOfAsync("state"));
        Assert.Equal(0, await page.Locator("[data-test=cancel]").CountAsync());
        Assert.Equal(403, (await page.GotoAsync($"/portal/subscriptions/{subscriptionId}/cancel"))!.Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_cancel_page_fits_a_phone_and_stays_accessible()
    {
        var subscriptionId = await EnterpriseSubscriptionAsync($"企业协议 - 手机 {Guid.NewGuid():N}"[..18]);
        var page = await portal.NewPageAsync(phone: true);
        await page.SignInAsync(Portal.EnterpriseAdmin, portal.Passwords[Portal.EnterpriseAdmin]);
        Assert.Equal(200, (await page.GotoAsync($"/portal/subscriptions/{subscriptionId}/cancel"))!.Status);
        await page.AssertFitsAndAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_prepaid_account_administrator_is_offered_no_cancel_and_is_refused_its_page_and_post()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.OpenSubscriptionAsync("标准预付费 - 研发");
        Assert.Equal(0, await page.Locator("[data-test=cancel]").CountAsync());
        var subscriptionId = Guid.Parse(await page.TextOfAsync("subscription-id"));
        Assert.Equal(403, (await page.GotoAsync($"/portal/subscriptions/{subscriptionId}/cancel"))!.Status);
        Assert.Equal(403, await page.PostWithTokenAsync($"/portal/subscriptions/{subscriptionId}/cancel", "cancel"));
        Assert.Equal("Active", (await portal.OperatorSubscriptionAsync(subscriptionId)).GetProperty("state").GetString());
        await page.Context.CloseAsync();
    }

    private async Task<Guid> EnterpriseSubscriptionAsync(string name)
    {
        var profile = await portal.ProfileIdAsync(Portal.EnterpriseAdmin, EnterpriseProfile);
        var created = await portal.Api.Services.GetRequiredService<SubscriptionCommands>()
            .CreateAsync(new NewSubscription(profile, name, "Enterprise", null, null, null, null), default);
        return created.Value.Id;
    }
}
