using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purser.Engine.Subscriptions;

namespace Purser.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class PayTests(PortalFixture portal)
{
    private const string Department = "标准预付费 - 研发";
    private const string Production = "标准预付费 - 生产";

    [Fact]
    public async Task Paying_again_records_a_payment_and_below_the_minimum_changes_nothing()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.OpenSubscriptionAsync(Department);
        var subscriptionId = Guid.Parse(await page.TextOfAsync("subscription-id"));
        var before = await RemainingAsync(subscriptionId);

        await page.Locator("[data-test=pay]").ClickAsync();
        await page.Locator("#amount").WaitForAsync();
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("pay");
        await page.Locator("#amount").FillAsync("999.99");
        await page.GetByRole(AriaRole.Button, new() { Name = "付款" }).ClickAsync();
        Assert.Equal("付款金额不能低于 CNY 1,000.00，未做任何更改。", await page.TextOfAsync("pay-error"));
        Assert.Equal(before, await RemainingAsync(subscriptionId));

        await page.Locator("#amount").FillAsync("1200");
        await page.Locator("#method").SelectOptionAsync("UnionPay");
        await page.GetByRole(AriaRole.Button, new() { Name = "付款" }).ClickAsync();
        Assert.StartsWith("已收到付款 CNY 1,200.00", await page.TextOfAsync("pay-done"), StringComparison.Ordinal);
        Assert.Equal(before + 1200m, await RemainingAsync(subscriptionId));

        await page.GotoAsync($"/portal/subscriptions/{subscriptionId}");
        Assert.Equal("CNY " + (before + 1200m).ToString("N2", CultureInfo.GetCultureInfo("zh-Hans")), await page.TextOfAsync("remaining-credit"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_pay_post_without_the_antiforgery_token_is_refused_and_pays_nothing()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.OpenSubscriptionAsync(Department);
        var subscriptionId = Guid.Parse(await page.TextOfAsync("subscription-id"));
        var before = await RemainingAsync(subscriptionId);

        var response = await page.APIRequest.PostAsync($"/portal/subscriptions/{subscriptionId}/pay", new()
        {
            Form = page.APIRequest.CreateFormData().Append("_handler", "pay").Append("Form.Amount", "5000").Append("Form.Method", "Alipay").Append("Form.Attempt", "no-token"),
            MaxRedirects = 0,
        });
        Assert.Equal(400, response.Status);
        Assert.Equal(before, await RemainingAsync(subscriptionId));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_billing_profile_reader_sees_the_figures_but_no_pay_control_and_is_refused_the_pay_page_and_post()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidReader, portal.Passwords[Portal.PrepaidReader]);
        Assert.Equal(1, await page.Locator("[data-test=subscriptions] tbody tr").CountAsync());
        await page.OpenSubscriptionAsync(Production);
        await page.Locator("[data-test=remaining-credit]").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-test=pay]").CountAsync());
        var subscriptionId = Guid.Parse(await page.TextOfAsync("subscription-id"));
        var before = await RemainingAsync(subscriptionId);

        var get = await page.GotoAsync($"/portal/subscriptions/{subscriptionId}/pay");
        Assert.Equal(403, get!.Status);
        Assert.Equal(0, await page.Locator("#amount").CountAsync());
        await page.AssertAccessibleAsync();

        // A post with a valid anti-forgery token (taken from a page the reader may see) is still refused: the server decides, not the page.
        await page.GotoAsync($"/portal/subscriptions/{subscriptionId}");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var post = await page.APIRequest.PostAsync($"/portal/subscriptions/{subscriptionId}/pay", new()
        {
            Form = page.APIRequest.CreateFormData().Append("_handler", "pay").Append("__RequestVerificationToken", token)
                .Append("Form.Amount", "5000").Append("Form.Method", "Alipay").Append("Form.Attempt", "reader"),
            MaxRedirects = 0,
        });
        Assert.Equal(403, post.Status);
        Assert.Equal(before, await RemainingAsync(subscriptionId));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_user_of_another_tenant_finds_neither_the_overview_nor_the_pay_page()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.OpenSubscriptionAsync(Production);
        var subscriptionId = await page.TextOfAsync("subscription-id");
        await page.Context.CloseAsync();

        var other = await portal.NewPageAsync();
        await other.SignInAsync(Portal.PaygAdmin, portal.Passwords[Portal.PaygAdmin]);
        Assert.Equal(404, (await other.GotoAsync($"/portal/subscriptions/{subscriptionId}"))!.Status);
        Assert.Equal(404, (await other.GotoAsync($"/portal/subscriptions/{subscriptionId}/pay"))!.Status);
        Assert.Equal(0, await other.Locator("[data-test=remaining-credit]").CountAsync());
        await other.AssertAccessibleAsync();
        await other.Context.CloseAsync();
    }

    private async Task<decimal> RemainingAsync(Guid subscriptionId) =>
        (await portal.Api.Services.GetRequiredService<SubscriptionOverviewQueries>().OfAsync(subscriptionId, default))!.RemainingCredit.Amount;
}
