using System.Globalization;
using System.Text.Json;
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
    public const string PartnerCustomerAdmin = "admin@partner-customer.demo.purser";
    public const string PartnerStaff = "staff@partner.demo.purser";

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

    /// <summary>From the subscriptions page, one of a billing profile's pages by its link ("Azure 信用额度: 生产环境").</summary>
    public static async Task OpenProfileAsync(this IPage page, string what, string profile)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = $"{what}: {profile}", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync(profile);
    }

    /// <summary>No wider than the screen, and accessible (<see cref="AssertAccessibleAsync"/>).</summary>
    public static async Task AssertFitsAndAccessibleAsync(this IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the screen.");
        await page.AssertAccessibleAsync();
    }

    public static Task<string> TextOfAsync(this IPage page, string test) => page.Locator($"[data-test={test}]").InnerTextAsync();

    /// <summary>An amount as a page shows it (<c>CNY -1,234.50</c>, in the page's <paramref name="language"/>), read back as a number.</summary>
    public static decimal Amount(string shown, string currency = "CNY", string language = "zh-Hans")
    {
        Assert.Contains(currency, shown, StringComparison.Ordinal);
        return decimal.Parse(shown.Replace(currency, "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal),
            NumberStyles.Number, CultureInfo.GetCultureInfo(language));
    }

    /// <summary>An ARM amount's value: <c>{"currency":…,"value":…}</c>.</summary>
    public static decimal Value(this JsonElement properties, string name) => properties.GetProperty(name).GetProperty("value").GetDecimal();

    public static async Task<JsonElement> GetJsonAsync(this HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Every item of an ARM list, following its nextLink pages.</summary>
    public static async Task<List<JsonElement>> ListAsync(this HttpClient http, string path)
    {
        var items = new List<JsonElement>();
        for (string? next = path; next is not null;)
        {
            var page = await http.GetJsonAsync(next);
            items.AddRange(page.GetProperty("value").EnumerateArray());
            next = page.TryGetProperty("nextLink", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
        }
        return items;
    }

    /// <summary>The browser saves, under the API's own file name, the very bytes the API answers the same user.</summary>
    public static async Task AssertSameFileAsync(this IPage page, HttpClient api, string button, string apiPath)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"[data-test={button}]").ClickAsync());
        Assert.Null(await download.FailureAsync());
        var saved = await File.ReadAllBytesAsync((await download.PathAsync())!);
        using var response = await api.GetAsync(apiPath);
        Assert.True(response.IsSuccessStatusCode, $"GET {apiPath} answered {(int)response.StatusCode}");
        var expected = await response.Content.ReadAsByteArrayAsync();
        Assert.True(expected.Count(b => b == '\n') > 1, $"{apiPath} has no row to compare.");
        Assert.Equal(expected, saved);
        Assert.Equal(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), download.SuggestedFilename);
    }

    /// <summary>Moves the focus with the Tab key alone until it reaches <paramref name="target"/>; fails if the keyboard cannot get there.</summary>
    public static async Task TabToAsync(this IPage page, ILocator target)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
                return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Sixty presses of Tab on {page.Url} never reached {target}.");
    }

    /// <summary>axe-core over the whole page: no violation of serious or critical impact.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(bad.Count == 0, $"axe-core on {page.Url}:\n{string.Join("\n", bad)}");
    }
}
