using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purser.Server.Notifications;

namespace Purser.Portal.Tests;

/// <summary>
/// Optional notices as a person meets them: the link in a notice asks before it unsubscribes, the button stops them,
/// and the profile page shows the choice and turns them back on; a link that is not ours is the not-found page.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class UnsubscribeTests(PortalFixture portal)
{
    [Fact]
    public async Task The_link_in_a_notice_unsubscribes_after_asking_and_the_profile_page_turns_notices_back_on()
    {
        // The pay-as-you-go demo administrator: no other test changes their notices.
        var userId = await portal.UserIdAsync(Portal.PaygAdmin);
        var link = portal.Api.Services.GetRequiredService<UnsubscribeLinks>().For(Portal.PaygAdmin).Page;
        var page = await portal.NewPageAsync();
        await page.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"不再向 {Portal.PaygAdmin} 发送可选通知");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("unsubscribe");
        // Opening the page (as a mail scanner does) changed nothing.
        Assert.True((await portal.OperatorUserAsync(userId)).GetProperty("optionalNotices").GetBoolean());

        await page.Locator("[data-test=unsubscribe]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=unsubscribe-done]")).ToContainTextAsync($"已退订：{Portal.PaygAdmin} 不会再收到可选通知");
        Assert.False((await portal.OperatorUserAsync(userId)).GetProperty("optionalNotices").GetBoolean());

        await page.SignInAsync(Portal.PaygAdmin, portal.Passwords[Portal.PaygAdmin]);
        await page.Locator("[data-test=profile]").ClickAsync();
        var notices = page.Locator("#optional-notices");
        await Assertions.Expect(notices).Not.ToBeCheckedAsync();
        await notices.CheckAsync();
        await page.Locator("[data-test=save]").ClickAsync();
        await Assertions.Expect(page.Locator("#optional-notices")).ToBeCheckedAsync();
        Assert.True((await portal.OperatorUserAsync(userId)).GetProperty("optionalNotices").GetBoolean());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_link_s_page_fits_and_a_link_that_is_not_ours_is_the_not_found_page()
    {
        var page = await portal.NewPageAsync(phone: true);
        var link = portal.Api.Services.GetRequiredService<UnsubscribeLinks>().For(Portal.PaygAdmin).Page.PathAndQuery;
        Assert.Equal(200, (await page.GotoAsync(link))!.Status);
        await page.Locator("[data-test=unsubscribe]").WaitForAsync();
        await page.AssertFitsAndAccessibleAsync();

        var forged = link[..^4] + "AAAA";
        Assert.Equal(404, (await page.GotoAsync(forged))!.Status);
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("找不到此页面。");
        Assert.Equal(0, await page.Locator("[data-test=unsubscribe]").CountAsync());
        await page.AssertFitsAndAccessibleAsync();
        await page.Context.CloseAsync();
    }
}
