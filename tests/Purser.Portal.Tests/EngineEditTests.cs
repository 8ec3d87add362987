using Microsoft.Playwright;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Portal.Tests;

/// <summary>
/// The edit pages' writes on each storage engine: a server of its own over the demo on SQLite and on PostgreSQL, a new
/// subscription and its new name made through the pages, read back from the API as the same user. In the portal
/// collection so its server and browser do not run beside the shared ones.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class EngineEditTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_subscription_added_and_renamed_through_the_pages_is_what_the_api_reads(StorageEngine engine)
    {
        var portal = await PortalFixture.StartAsync(engine);
        try
        {
            var page = await portal.NewPageAsync();
            await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
            await page.Locator("[data-test=new-subscription]").ClickAsync();
            await page.GetByLabel("账单配置文件").SelectOptionAsync(new SelectOptionValue { Label = "研发部门" });
            await page.GetByLabel("订阅名称").FillAsync("研发 - 测试环境");
            await page.Locator("[data-test=create]").ClickAsync();
            await page.Locator("[data-test=new-subscription-link]").ClickAsync();
            var id = Guid.Parse(await page.TextOfAsync("subscription-id"));
            Assert.Equal("研发 - 测试环境", (await portal.ArmSubscriptionAsync(Portal.PrepaidAdmin, id)).GetProperty("displayName").GetString());

            await page.Locator("[data-test=edit]").ClickAsync();
            await page.GetByLabel("订阅名称").FillAsync("研发 - 预发布环境");
            await page.Locator("[data-test=save]").ClickAsync();
            await page.Locator("[data-test=edit-done]").WaitForAsync();
            Assert.Equal("研发 - 预发布环境", (await portal.ArmSubscriptionAsync(Portal.PrepaidAdmin, id)).GetProperty("displayName").GetString());
            await page.Context.CloseAsync();
        }
        finally
        {
            await portal.DisposeAsync();
        }
    }
}
