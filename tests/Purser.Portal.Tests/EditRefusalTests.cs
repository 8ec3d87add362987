namespace Purser.Portal.Tests;

/// <summary>
/// R-ROLES for the edit pages: a billing profile reader finds no edit, partner, cancel, new-subscription or profile control
/// and is refused their pages and form posts with 403 (posts carrying a valid anti-forgery token); a user of another tenant
/// gets 404 for this tenant's subscription pages and posts.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class EditRefusalTests(PortalFixture portal)
{
    private const string Production = "标准预付费 - 生产";

    [Fact]
    public async Task A_billing_profile_reader_sees_no_edit_control_and_is_refused_every_edit_page_and_post()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidReader, portal.Passwords[Portal.PrepaidReader]);
        Assert.Equal(0, await page.Locator("[data-test=new-subscription], [data-test=profile]").CountAsync());
        await page.OpenSubscriptionAsync(Production);
        Assert.Equal(0, await page.Locator("[data-test=edit], [data-test=partner], [data-test=cancel]").CountAsync());
        var id = Guid.Parse(await page.TextOfAsync("subscription-id"));
        var before = await portal.OperatorSubscriptionAsync(id);

        foreach (var path in Pages(id))
        {
            Assert.Equal(403, (await page.GotoAsync(path))!.Status);
            Assert.Equal(0, await page.Locator("main form").CountAsync());
        }
        await page.AssertAccessibleAsync();
            await page.SaveScreenshotAsync("refused");
        foreach (var (path, handler, fields) in Posts(id))
            Assert.Equal(403, await page.PostWithTokenAsync(path, handler, fields));

        var after = await portal.OperatorSubscriptionAsync(id);
        Assert.Equal(before.GetRawText(), after.GetRawText());
        var reader = await portal.OperatorUserAsync(await portal.UserIdAsync(Portal.PrepaidReader));
        Assert.Equal(Portal.PrepaidReader, reader.GetProperty("email").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_user_of_another_tenant_finds_none_of_the_edit_pages_nor_their_posts()
    {
        var page = await portal.NewPageAsync();
        await page.SignInAsync(Portal.PrepaidAdmin, portal.Passwords[Portal.PrepaidAdmin]);
        await page.OpenSubscriptionAsync(Production);
        var id = Guid.Parse(await page.TextOfAsync("subscription-id"));
        await page.Context.CloseAsync();
        var before = await portal.OperatorSubscriptionAsync(id);

        var other = await portal.NewPageAsync();
        await other.SignInAsync(Portal.PaygAdmin, portal.Passwords[Portal.PaygAdmin]);
        foreach (var path in Pages(id).Where(p => p.Contains(id.ToString(), StringComparison.Ordinal)))
            Assert.Equal(404, (await other.GotoAsync(path))!.Status);
        await other.AssertAccessibleAsync();
        foreach (var (path, handler, fields) in Posts(id).Where(p => p.Path.Contains(id.ToString(), StringComparison.Ordinal)))
            Assert.Equal(404, await other.PostWithTokenAsync(path, handler, fields));
        Assert.Equal(before.GetRawText(), (await portal.OperatorSubscriptionAsync(id)).GetRawText());
        await other.Context.CloseAsync();
    }

    private static string[] Pages(Guid id) =>
        [$"/portal/subscriptions/{id}/edit", $"/portal/subscriptions/{id}/partner", $"/portal/subscriptions/{id}/cancel", "/portal/subscriptions/new", "/portal/profile"];

    private static (string Path, string Handler, (string, string)[] Fields)[] Posts(Guid id) =>
    [
        ($"/portal/subscriptions/{id}/edit", "edit", [("Form.Name", "Renamed by a reader"), ("Form.Administrator", Guid.Empty.ToString())]),
        ($"/portal/subscriptions/{id}/partner", "confirm", [("Confirm.PartnerId", "1234567")]),
        ($"/portal/subscriptions/{id}/cancel", "cancel", []),
        ("/portal/subscriptions/new", "new", [("Form.Name", "Made by a reader"), ("Form.Offer", "StandardPrepaid")]),
        ("/portal/profile", "profile", [("Form.Email", "reader@elsewhere.test")]),
    ];
}
