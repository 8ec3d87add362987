namespace Purser.Server.Documents;

/// <summary>
/// The font files an invoice can be set in: a CJK face (the configured file, else the first of
/// Debian's that exists) and DejaVu Sans, which serves invoices whose text has no CJK at all.
/// </summary>
internal sealed record InvoiceFontFiles(string? Cjk, string? Latin, string? LatinBold, IReadOnlyList<string> CjkCandidates)
{
    public const string CjkPackage = "fonts-wqy-microhei";
    public const string LatinPackage = "fonts-dejavu-core";
    public const string DejaVuDirectory = "/usr/share/fonts/truetype/dejavu";

    /// <summary>
    /// Debian's TrueType CJK fonts that carry Latin glyphs too, best first. Droid Sans Fallback is
    /// not among them: it has no Latin letters or digits, so an invoice set in it shows boxes.
    /// </summary>
    public static readonly IReadOnlyList<string> DebianCjk =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
    ];

    public static InvoiceFontFiles Find(InvoiceFonts fonts) =>
        Find(string.IsNullOrWhiteSpace(fonts.CjkFontPath) ? DebianCjk : [fonts.CjkFontPath, .. DebianCjk], DejaVuDirectory);

    public static InvoiceFontFiles Find(IReadOnlyList<string> cjkCandidates, string latinDirectory)
    {
        var latin = Existing(Path.Combine(latinDirectory, "DejaVuSans.ttf"));
        return new(cjkCandidates.FirstOrDefault(File.Exists), latin, latin is null ? null : Existing(Path.Combine(latinDirectory, "DejaVuSans-Bold.ttf")), cjkCandidates);
    }

    /// <summary>The font family for an invoice whose text is <paramref name="text"/>.</summary>
    public string FamilyFor(string text)
    {
        // From CJK Radicals on (kana, Hangul, ideographs, full-width forms) DejaVu Sans has no glyphs.
        if (text.AsSpan().IndexOfAnyInRange('\u2E80', '\uFFFF') >= 0)
        {
            return Cjk is not null ? InvoiceFontResolver.CjkFamily : throw new InvalidOperationException(
                $"This invoice has Chinese (CJK) text but no CJK font was found at {string.Join(", ", CjkCandidates)}. " +
                $"Install the Debian package {CjkPackage}, or set InvoiceFonts.CjkFontPath to a TrueType font with CJK glyphs.");
        }
        if (Latin is not null)
            return InvoiceFontResolver.LatinFamily;
        return Cjk is not null ? InvoiceFontResolver.CjkFamily : throw new InvalidOperationException(
            $"No font for invoices: neither DejaVu Sans in {DejaVuDirectory} nor a CJK font at {string.Join(", ", CjkCandidates)} exists. " +
            $"Install the Debian package {LatinPackage} or {CjkPackage}.");
    }

    private static string? Existing(string path) => File.Exists(path) ? path : null;
}
