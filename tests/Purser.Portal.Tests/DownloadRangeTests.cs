using Microsoft.Playwright;

namespace Purser.Portal.Tests;

/// <summary>
/// A bad range on the Downloads form (the end before the start, more than 366 days, a malformed day) is said on the form,
/// which keeps the chosen scope, instead of leaving the page for the API's JSON error.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DownloadRangeTests(PortalFixture portal)
{
    [Fact]
    public async Task A_bad_range_is_named_on_the_form_and_no_file_is_sent()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.GetByRole(AriaRole.Link, new() { Name = "下载", Exact = true }).ClickAsync();
        await page.Locator("[data-test=downloads]").WaitForAsync();
        var department = (await page.GetByLabel("范围").SelectOptionAsync(new SelectOptionValue { Label = "研发部门" }))[0];

        await page.GetByLabel("起始日期").FillAsync("2026-03-10");
        await page.GetByLabel("结束日期").FillAsync("2026-03-01");
        var reversed = await page.RunAndWaitForResponseAsync(() => page.Locator("[data-test=download-usage]").ClickAsync(),
            r => r.Url.Contains("/portal/downloads?", StringComparison.Ordinal));
        Assert.Equal(400, reversed.Status);
        await Assertions.Expect(page.Locator("[data-test=range-error]")).ToHaveTextAsync("结束日期不能早于开始日期。");
        Assert.Equal(department, await page.GetByLabel("范围").InputValueAsync());
        Assert.Equal("2026-03-10", await page.GetByLabel("起始日期").InputValueAsync());
        await page.AssertAccessibleAsync();

        await page.GetByLabel("起始日期").FillAsync("2025-01-01");
        await page.GetByLabel("结束日期").FillAsync("2026-01-02");
        await page.Locator("[data-test=download-history]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=range-error]")).ToHaveTextAsync("一次最多下载 366 天，请缩短日期范围。");

        var malformed = await page.GotoAsync($"/portal/downloads/usage.csv?scope={department}&from=2026-02-30&to=2026-03-01");
        Assert.Equal(400, malformed!.Status);
        Assert.EndsWith("/portal/downloads?scope=" + department + "&from=2026-02-30&to=2026-03-01", Uri.UnescapeDataString(page.Url), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-test=range-error]")).ToHaveTextAsync("请输入开始和结束日期（年-月-日）。");
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }
}
