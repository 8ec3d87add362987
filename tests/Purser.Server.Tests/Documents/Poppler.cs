using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Purser.Server.Tests.Documents;

/// <summary>
/// A PDF as Debian's poppler-utils reads it: a reader independent of PDFsharp, so the tests see
/// the text a customer's viewer extracts, not what the renderer meant to write.
/// </summary>
internal static class Poppler
{
    /// <summary>Each page's text lines in content order (<c>pdftotext -raw</c>).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Pages(byte[] pdf)
    {
        var text = Run("pdftotext", pdf, file => ["-raw", "-enc", "UTF-8", file, "-"]);
        var pages = text.Split('\f');
        return [.. pages[..^1].Select(page => (IReadOnlyList<string>)page.Split('\n', StringSplitOptions.RemoveEmptyEntries))];
    }

    /// <summary>The embedded fonts table <c>pdffonts</c> prints.</summary>
    public static string Fonts(byte[] pdf) => Run("pdffonts", pdf, file => [file]);

    private static string Run(string tool, byte[] pdf, Func<string, string[]> arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"purser-invoice-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var argument in arguments(file))
                start.ArgumentList.Add(argument);
            using var process = Start(start);
            var stderr = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
                throw new TimeoutException($"{tool} did not finish in a minute.");
            return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {stderr.Result}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{start.FileName} is missing: install the Debian package poppler-utils (test.sh does).", e);
        }
    }
}
