using Microsoft.Playwright;

namespace Purser.Portal.Tests;

/// <summary>
/// The screenshots docs/portal.md shows: when <c>PURSER_PORTAL_SCREENSHOTS</c> names a directory (a relative one from the
/// repository root, e.g. <c>docs/portal</c>), a test that reaches a page saves what the screen shows as <c>{name}.png</c>.
/// Only a desktop-sized page in Simplified Chinese, the product's default, is saved: the same call in a phone-sized or
/// other-language run saves nothing, so every page's picture is the one docs/portal.md describes.
/// </summary>
internal static class Screenshots
{
    public const string Variable = "PURSER_PORTAL_SCREENSHOTS";

    public static async Task SaveScreenshotAsync(this IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } directory || page.ViewportSize is not { Width: >= 1000 }
            || await page.Locator("html").GetAttributeAsync("lang") != "zh-Hans")
            return;
        var target = Path.IsPathRooted(directory) ? directory : Path.Combine(RepositoryRoot(), directory);
        Directory.CreateDirectory(target);
        // The viewport, not the whole page: what a person first sees, and small enough to keep in the repository.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(target, name + ".png"), Animations = ScreenshotAnimations.Disabled });
    }

    // The tests run from their output folder; the repository root is the folder above it that holds the solution.
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Purser.slnx")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No Purser.slnx above {AppContext.BaseDirectory}; give {Variable} an absolute path.");
    }
}
