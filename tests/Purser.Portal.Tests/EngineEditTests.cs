using Microsoft.Playwright;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Portal.Tests;

/// <summary>
/// The edit pages' writes and the partner pages' reads on each storage engine: a server of its own over the demo on SQLite
/// and on PostgreSQL, a new subscription and its new name made through the pages, read back from the API as the same user,
/// and the demo partner's last cycle as its staff see it, against the API's reconciliation file. In the portal collection so
/// its server and browser do not run beside the shared ones.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class EngineEditTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_subscription_added_and_renamed_through_the_pages_is_what_the_api_reads_and_the_partner_s_cycle_is_its_file(StorageEngine engine)
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

            var staff = await portal.NewPageAsync();
            await staff.SignInAsync(Portal.PartnerStaff, portal.Passwords[Portal.PartnerStaff]);
            await staff.Locator("[data-test=partner-center]").ClickAsync();
            await staff.Locator("[data-test=partner-subscriptions]").WaitForAsync();
            Assert.Equal(2, await staff.Locator("tr[data-subscription]").CountAsync());
            var cycle = staff.Locator("tr[data-cycle]").First;
            var period = (await cycle.GetAttributeAsync("data-cycle"))!;
            await cycle.Locator("a").First.ClickAsync();
            await staff.Locator("[data-test=recon-rows]").WaitForAsync();
            using var api = await portal.ApiClientForAsync(Portal.PartnerStaff);
            var file = await api.GetStringAsync($"/downloads/reconciliation.csv?partnerId=1234567&period={period}");
            var csv = CsvReading.Rows(file.TrimStart('\uFEFF'));
            var amount = csv[0].IndexOf("amount");
            Assert.True(csv.Count > 1, $"The {period} file has no row.");
            Assert.Equal(csv.Count - 1, await staff.Locator("[data-test=recon-row]").CountAsync());
            Assert.Equal(csv.Skip(1).Sum(r => decimal.Parse(r[amount], System.Globalization.CultureInfo.InvariantCulture)), Portal.Amount(await staff.TextOfAsync("recon-total")));
            await staff.AssertSameFileAsync(api, "recon-download", $"/downloads/reconciliation.csv?partnerId=1234567&period={period}");
            await staff.Locator("[data-test=invoice-link]").First.ClickAsync();
            await staff.Locator("[data-test=lines]").WaitForAsync();
            await staff.Context.CloseAsync();
        }
        finally
        {
            await portal.DisposeAsync();
        }
    }
}
