using PdfSharp.Fonts;

namespace Purser.Server.Documents;

/// <summary>
/// Gives PDFsharp the two families invoices use. PDFsharp asks for each face once and caches it;
/// bold CJK is simulated (the CJK fonts Debian ships have one weight), bold Latin is DejaVu's own.
/// </summary>
internal sealed class InvoiceFontResolver(InvoiceFontFiles files) : IFontResolver
{
    public const string CjkFamily = "Purser CJK";
    public const string LatinFamily = "Purser Latin";
    private const string CjkFace = "cjk";
    private const string LatinFace = "latin";
    private const string LatinBoldFace = "latin-bold";

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) => familyName switch
    {
        CjkFamily => new FontResolverInfo(CjkFace, isBold, false),
        LatinFamily when isBold && files.LatinBold is not null => new FontResolverInfo(LatinBoldFace),
        LatinFamily => new FontResolverInfo(LatinFace, isBold, false),
        _ => null,
    };

    public byte[]? GetFont(string faceName) => faceName switch
    {
        CjkFace => TrueTypeFace.Read(files.Cjk ?? throw new InvalidOperationException("No CJK font was found.")),
        LatinFace => TrueTypeFace.Read(files.Latin ?? throw new InvalidOperationException("DejaVu Sans was not found.")),
        LatinBoldFace => TrueTypeFace.Read(files.LatinBold ?? throw new InvalidOperationException("DejaVu Sans Bold was not found.")),
        _ => null,
    };
}
