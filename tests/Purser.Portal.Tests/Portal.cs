using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Purser.Portal.Tests;

/// <summary>What a person does in the portal, by typing and clicking, and the accessibility check every page gets.</summary>
internal static class Portal
{
    public const string PrepaidAdmin = "admin@prepaid.demo.purser";
    public const string PrepaidReader = "reader@prepaid.demo.purser";
    public const string EnterpriseAdmin = "admin@ea.demo.purser";
    public const string TrialAdmin = "admin@trial.demo.purser";
    public const string PaygAdmin = "admin@payg.demo.purser";

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/portal");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form:has(#password) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/portal/signin", StringComparison.Ordinal));
    }

    public static async Task ChooseLanguageAsync(this IPage page, string language)
    {
        await page.Locator($"nav.language a[lang='{language}']").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    public static async Task OpenSubscriptionAsync(this IPage page, string name)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await page.Locator("[data-test=subscription-id]").WaitForAsync();
    }

    public static Task<string> TextOfAsync(this IPage page, string test) => page.Locator($"[data-test={test}]").InnerTextAsync();

    /// <summary>axe-core over the whole page: no violation of serious or critical impact.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(bad.Count == 0, $"axe-core on {page.Url}:\n{string.Join("\n", bad)}");
    }
}
