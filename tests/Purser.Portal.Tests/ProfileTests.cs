using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purser.Engine.Accounts;

namespace Purser.Portal.Tests;

/// <summary>R-PROFILE through the page: the account administrator's contact details are what the API then reads, a bad address is said in the page.</summary>
[Collection(PortalCollection.Name)]
public sealed class ProfileTests(PortalFixture portal)
{
    [Fact]
    public async Task The_account_administrator_edits_contact_details_and_an_invalid_email_is_named_in_the_page()
    {
        var userId = await portal.UserIdAsync(Portal.PrepaidAdmin);
        var people = portal.Api.Services.GetRequiredService<UserProfileCommands>();
        var before = (await people.FindAsync(userId, default))!;
        var page = await portal.NewPageAsync();
        try
        {
            await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
            await page.Locator("[data-test=profile]").ClickAsync();
            Assert.Equal(Portal.PrepaidAdmin, await page.GetByLabel("联系电子邮件").InputValueAsync());
            await page.AssertAccessibleAsync();
            await page.SaveScreenshotAsync("profile");

            await page.GetByLabel("联系电子邮件").FillAsync("admin@@prepaid");
            await page.GetByLabel("电话").FillAsync("+86 21 5555 0100");
            await page.Locator("[data-test=save]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-test=profile-error]")).ToHaveTextAsync("请输入有效的电子邮件地址，例如 name@example.com。");
            await Assertions.Expect(page.GetByLabel("联系电子邮件")).ToHaveAttributeAsync("aria-invalid", "true");
            await page.AssertAccessibleAsync();
            var unchanged = await portal.OperatorUserAsync(userId);
            Assert.Equal(Portal.PrepaidAdmin, unchanged.GetProperty("email").GetString());
            Assert.Equal(before.Phone, unchanged.GetProperty("phone").GetString());

            const string Email = "finance@prepaid.demo.purser";
            await page.GetByLabel("联系电子邮件").FillAsync(Email);
            await page.GetByLabel("名", new() { Exact = true }).FillAsync("明");
            await page.GetByLabel("姓", new() { Exact = true }).FillAsync("王");
            await page.GetByLabel("电话").FillAsync("+86 21 5555 0100");
            await page.GetByLabel("公司").FillAsync("上海云启科技有限公司 财务部");
            await page.Locator("[data-test=save]").ClickAsync();
            await page.Locator("[data-test=profile-done]").WaitForAsync();
            var after = await portal.OperatorUserAsync(userId);
            Assert.Equal(Email, after.GetProperty("email").GetString());
            Assert.Equal("明", after.GetProperty("firstName").GetString());
            Assert.Equal("王", after.GetProperty("lastName").GetString());
            Assert.Equal("+86 21 5555 0100", after.GetProperty("phone").GetString());
            Assert.Equal("上海云启科技有限公司 财务部", after.GetProperty("company").GetString());

            // The page shows what is stored, and the session now names the new address.
            await page.GotoAsync("/portal/profile");
            Assert.Equal(Email, await page.GetByLabel("联系电子邮件").InputValueAsync());
            Assert.Equal("+86 21 5555 0100", await page.GetByLabel("电话").InputValueAsync());
            await Assertions.Expect(page.Locator(".who")).ToHaveTextAsync($"已登录：{Email}");
        }
        finally
        {
            // The other tests sign in as this administrator.
            Assert.True((await people.ChangeAsync(userId, new UserProfileChange(before.Email, before.FirstName, before.LastName, before.Phone ?? "", before.Company ?? ""), default)).IsAccepted);
            await page.Context.CloseAsync();
        }
    }
}
