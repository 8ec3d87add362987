using Microsoft.Playwright;

namespace Purser.Portal.Tests;

/// <summary>
/// R-NEWSUB, R-SUBEDIT and R-PARTNER through the pages, as the demo's account administrator: each change is what the API
/// then answers for the same user (ARM) and what the operator's record holds. A subscription made for the test is edited,
/// so the demo's own subscriptions keep the names the other tests find them by.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SubscriptionEditTests(PortalFixture portal)
{
    private const string Department = "研发部门";

    [Fact]
    public async Task A_new_subscription_is_added_then_renamed_given_another_service_administrator_and_a_checked_partner()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        var admin = await portal.UserIdAsync(Portal.PrepaidAdmin);
        var reader = await portal.UserIdAsync(Portal.PrepaidReader);
        var name = $"研发 - 测试 {Guid.NewGuid():N}"[..16];

        // R-NEWSUB: another subscription, billed to the department's profile.
        await page.Locator("[data-test=new-subscription]").ClickAsync();
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("new-subscription");
        await page.GetByLabel("账单配置文件").SelectOptionAsync(new SelectOptionValue { Label = Department });
        await page.GetByLabel("订阅名称").FillAsync(name);
        await page.GetByLabel("产品").SelectOptionAsync("StandardPrepaid");
        await page.Locator("[data-test=create]").ClickAsync();
        await page.Locator("[data-test=new-done]").WaitForAsync();
        await page.Locator("[data-test=new-subscription-link]").ClickAsync();
        var id = Guid.Parse(await page.TextOfAsync("subscription-id"));
        var listed = await portal.ArmSubscriptionAsync(Portal.PrepaidAdmin, id);
        Assert.Equal(name, listed.GetProperty("displayName").GetString());
        Assert.Equal("StandardPrepaid", listed.GetProperty("skuId").GetString());
        var stored = await portal.OperatorSubscriptionAsync(id);
        Assert.Equal(admin, stored.GetProperty("serviceAdministratorId").GetGuid());
        Assert.Equal(await page.TextOfAsync("order-id"), stored.GetProperty("orderId").GetString());

        // R-SUBEDIT: a blank name is refused in the page and changes nothing; a new name and administrator are stored.
        await page.Locator("[data-test=edit]").ClickAsync();
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("edit");
        Assert.Equal(name, await page.GetByLabel("订阅名称").InputValueAsync());
        Assert.Equal(admin.ToString(), await page.GetByLabel("服务管理员").InputValueAsync());
        await page.GetByLabel("订阅名称").FillAsync("   ");
        await page.Locator("[data-test=save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=edit-error]")).ToHaveTextAsync("请输入订阅名称（不超过 200 个字符）。");
        Assert.Equal(name, (await portal.ArmSubscriptionAsync(Portal.PrepaidAdmin, id)).GetProperty("displayName").GetString());
        await page.AssertAccessibleAsync();

        var renamed = name + " 改";
        await page.GetByLabel("订阅名称").FillAsync(renamed);
        await page.GetByLabel("服务管理员").SelectOptionAsync(new SelectOptionValue { Label = Portal.PrepaidReader });
        await page.Locator("[data-test=save]").ClickAsync();
        await page.Locator("[data-test=edit-done]").WaitForAsync();
        Assert.Equal(renamed, (await portal.ArmSubscriptionAsync(Portal.PrepaidAdmin, id)).GetProperty("displayName").GetString());
        Assert.Equal(reader, (await portal.OperatorSubscriptionAsync(id)).GetProperty("serviceAdministratorId").GetGuid());
        await page.GotoAsync($"/portal/subscriptions/{id}");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(renamed);

        // R-PARTNER: check (unknown, malformed, then the demo's partner), confirm, and later change to another.
        await page.Locator("[data-test=partner]").ClickAsync();
        Assert.Equal("尚未关联合作伙伴。", (await page.TextOfAsync("current-partner")).Trim());
        await page.AssertAccessibleAsync();
        await CheckAsync(page, "0000000");
        await Assertions.Expect(page.Locator("[data-test=partner-error]")).ToHaveTextAsync("没有使用此 ID 的合作伙伴，请检查后重新输入。");
        Assert.Equal(0, await page.Locator("[data-test=confirm]").CountAsync());
        await CheckAsync(page, "12 34");
        await Assertions.Expect(page.Locator("[data-test=partner-error]")).ToHaveTextAsync("合作伙伴 ID 只能包含字母、数字和“-”，最多 64 个字符。");
        await page.AssertAccessibleAsync();
        await CheckAsync(page, "1234567");
        await Assertions.Expect(page.Locator("[data-test=partner-company]")).ToHaveTextAsync("合作伙伴 ID 1234567 属于：世纪互联云合作伙伴有限公司");
        await page.SaveScreenshotAsync("partner-link");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await portal.OperatorSubscriptionAsync(id)).GetProperty("partnerId").ValueKind);
        await page.Locator("[data-test=confirm]").ClickAsync();
        await page.Locator("[data-test=partner-done]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-test=current-partner]")).ToHaveTextAsync("当前合作伙伴：世纪互联云合作伙伴有限公司（ID 1234567）");
        Assert.Equal("1234567", (await portal.OperatorSubscriptionAsync(id)).GetProperty("partnerId").GetString());

        var other = $"P-{Guid.NewGuid():N}"[..12];
        using (var op = portal.Api.Operator())
            await Purser.Testing.PurserApi.CreatedAsync(op, "/ops/partners", new { id = other, companyName = "宏远伙伴有限公司" });
        await CheckAsync(page, other);
        await Assertions.Expect(page.Locator("[data-test=partner-company]")).ToHaveTextAsync($"合作伙伴 ID {other} 属于：宏远伙伴有限公司");
        await page.Locator("[data-test=confirm]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=current-partner]")).ToHaveTextAsync($"当前合作伙伴：宏远伙伴有限公司（ID {other}）");
        Assert.Equal(other, (await portal.OperatorSubscriptionAsync(id)).GetProperty("partnerId").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_new_subscription_form_sent_twice_makes_one_subscription_and_a_changed_form_another()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        var profileId = await portal.ProfileIdAsync(Portal.PrepaidAdmin, Department);
        var name = $"重复提交 {Guid.NewGuid():N}"[..14];
        await page.GotoAsync("/portal/subscriptions/new");
        var token = await page.Locator("#main input[name=__RequestVerificationToken]").InputValueAsync();
        var attempt = await page.Locator("input[name='Form.Attempt']").InputValueAsync();

        // What a double click (or the browser re-sending the post) delivers: the same form, the same attempt.
        async Task<string> SendAsync(string displayName)
        {
            var response = await page.APIRequest.PostAsync("/portal/subscriptions/new", new()
            {
                Form = page.APIRequest.CreateFormData().Append("_handler", "new").Append("__RequestVerificationToken", token)
                    .Append("Form.Attempt", attempt).Append("Form.Profile", profileId.ToString()).Append("Form.Name", displayName)
                    .Append("Form.Offer", "StandardPrepaid"),
                MaxRedirects = 0,
            });
            Assert.Equal(200, response.Status);
            return await response.TextAsync();
        }
        var first = await SendAsync(name);
        var second = await SendAsync(name);
        var changed = await SendAsync(name + " 二");

        Assert.Contains("data-test=\"new-done\"", first, StringComparison.Ordinal);
        Assert.Contains("data-test=\"new-done\"", second, StringComparison.Ordinal);
        Assert.Contains("data-test=\"new-done\"", changed, StringComparison.Ordinal);
        var scope = await portal.ProfileScopeAsync(profileId);
        using var api = await portal.ApiClientForAsync(Portal.PrepaidAdmin);
        var listed = await api.ListAsync($"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(scope.AccountName)}/billingProfiles/{scope.ProfileName}/billingSubscriptions?api-version=2020-05-01");
        var names = listed.Select(s => s.GetProperty("properties").GetProperty("displayName").GetString()).ToList();
        Assert.Single(names, n => n == name);
        Assert.Single(names, n => n == name + " 二");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_new_edit_partner_and_profile_pages_fit_the_screen_and_stay_accessible()
    {
        var page = await portal.NewPageAsync(phone: true);
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.OpenSubscriptionAsync("标准预付费 - 研发");
        var id = await page.TextOfAsync("subscription-id");
        foreach (var path in new[] { "/portal/subscriptions/new", $"/portal/subscriptions/{id}/edit", $"/portal/subscriptions/{id}/partner", "/portal/profile" })
        {
            Assert.Equal(200, (await page.GotoAsync(path))!.Status);
            await page.AssertFitsAndAccessibleAsync();
        }
        await page.Context.CloseAsync();
    }

    private static async Task CheckAsync(IPage page, string partnerId)
    {
        await page.GetByLabel("合作伙伴 ID").FillAsync(partnerId);
        await page.Locator("[data-test=check]").ClickAsync();
    }
}
