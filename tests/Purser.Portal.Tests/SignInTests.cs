using System.Net;
using Microsoft.Playwright;

namespace Purser.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class SignInTests(PortalFixture portal)
{
    [Fact]
    public async Task A_browser_at_the_root_is_sent_to_sign_in_while_a_program_keeps_its_401_json()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/");
        Assert.EndsWith("/portal/signin?ReturnUrl=%2Fportal", page.Url, StringComparison.Ordinal);
        // A web-first check: it waits for the heading's text, which a loaded machine may paint after the load event.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("登录账户中心");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("signin");

        using var program = portal.Api.Client(null);
        var response = await program.GetAsync("/");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"AuthenticationFailed\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_account_administrator_signs_in_and_out_with_an_httponly_samesite_cookie()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("订阅");
        await page.SaveScreenshotAsync("subscriptions");
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == ".Purser.Portal");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);

        await page.GetByRole(AriaRole.Button, new() { Name = "注销" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/signin");
        await page.GotoAsync("/portal");
        Assert.Contains("/portal/signin", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var page = await portal.NewPageAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GotoAsync("/portal/signin");
            await page.Locator("#email").FillAsync(Portal.TrialAdmin);
            await page.Locator("#password").FillAsync("wrong-password-" + attempt);
            await page.Locator("form:has(#password) button[type=submit]").ClickAsync();
            // Expect retries until the answer page's alert carries its text: a read right after the click can see it empty.
            var alert = Assertions.Expect(page.GetByRole(AriaRole.Alert));
            if (attempt < 5)
                await alert.ToHaveTextAsync("电子邮件或密码不正确。");
            else
                await alert.ToContainTextAsync("已锁定");
        }

        await page.Locator("#email").FillAsync(Portal.TrialAdmin);
        await page.Locator("#password").FillAsync(portal.Passwords[Portal.TrialAdmin]);
        await page.Locator("form:has(#password) button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("已锁定");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == ".Purser.Portal");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_refused()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/portal/signin");
        var response = await page.APIRequest.PostAsync("/portal/signin", new()
        {
            Form = page.APIRequest.CreateFormData()
                .Append("_handler", "signin").Append("Form.Email", Portal.PaygAdmin).Append("Form.Password", portal.Passwords[Portal.PaygAdmin]),
            MaxRedirects = 0,
        });
        Assert.Equal(400, response.Status);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == ".Purser.Portal");
        await page.Context.CloseAsync();
    }
}
