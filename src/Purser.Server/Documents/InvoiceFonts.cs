using PdfSharp.Fonts;

namespace Purser.Server.Documents;

/// <summary>
/// Where invoice PDFs find their fonts. PDFsharp takes one font resolver per process and keeps
/// every font it has loaded, so the choice is fixed by the first invoice rendered: call
/// <see cref="Use"/> at startup, before any invoice is rendered.
/// </summary>
public sealed record InvoiceFonts
{
    private static readonly Lock Gate = new();
    private static InvoiceFonts s_chosen = new();
    private static InvoiceFontFiles? s_installed;

    /// <summary>A TrueType font, or a collection (its first face is used), with CJK glyphs; tried before Debian's install paths.</summary>
    public string? CjkFontPath { get; init; }

    public static void Use(InvoiceFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        lock (Gate)
        {
            if (s_installed is not null && fonts != s_chosen)
                throw new InvalidOperationException("Invoice fonts are fixed once the first invoice is rendered; choose them at startup.");
            s_chosen = fonts;
        }
    }

    internal static InvoiceFontFiles Installed()
    {
        lock (Gate)
        {
            if (s_installed is null)
            {
                var files = InvoiceFontFiles.Find(s_chosen);
                GlobalFontSettings.FontResolver = new InvoiceFontResolver(files);
                s_installed = files;
            }
            return s_installed;
        }
    }
}
