using PdfSharp.Drawing;

namespace Purser.Server.Documents;

/// <summary>The type and colours of an invoice, every size in one family.</summary>
internal sealed class InvoiceStyle(string family)
{
    public static readonly XBrush Ink = new XSolidBrush(XColor.FromArgb(0x20, 0x1F, 0x1E));
    public static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(0x60, 0x5E, 0x5C));
    public static readonly XBrush Accent = new XSolidBrush(XColor.FromArgb(0x00, 0x5A, 0x9E));
    public static readonly XBrush Band = new XSolidBrush(XColor.FromArgb(0xEF, 0xF6, 0xFC));
    public static readonly XBrush HeadingFill = new XSolidBrush(XColor.FromArgb(0xF3, 0xF2, 0xF1));
    public static readonly XPen Rule = new(XColor.FromArgb(0xE1, 0xDF, 0xDD), 0.6);
    public static readonly XPen StrongRule = new(XColor.FromArgb(0x8A, 0x88, 0x86), 0.8);

    public XFont Title { get; } = new(family, 20, XFontStyleEx.Bold);
    public XFont Issuer { get; } = new(family, 13, XFontStyleEx.Bold);
    public XFont Label { get; } = new(family, 7.5);
    public XFont Body { get; } = new(family, 8.5);
    public XFont BodyBold { get; } = new(family, 9.5, XFontStyleEx.Bold);
    public XFont Heading { get; } = new(family, 7.5, XFontStyleEx.Bold);
    public XFont Cell { get; } = new(family, 8);
    public XFont CellNote { get; } = new(family, 7);
    public XFont Total { get; } = new(family, 9);
    public XFont TotalStrong { get; } = new(family, 9, XFontStyleEx.Bold);
    public XFont AmountDue { get; } = new(family, 11, XFontStyleEx.Bold);
    public XFont Summary { get; } = new(family, 16, XFontStyleEx.Bold);
    public XFont Footer { get; } = new(family, 7);
}
