using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Purser.Server.Documents;

/// <summary>The A4 pages of one invoice as they fill from the top, with a cursor down the current page.</summary>
internal sealed class InvoicePages(PdfDocument document) : IDisposable
{
    public const double Margin = 42;
    public static readonly double Width = XUnit.FromMillimeter(210).Point;
    public static readonly double Height = XUnit.FromMillimeter(297).Point;
    private XGraphics? _graphics;

    public static double Left => Margin;

    public static double Right => Width - Margin;

    public static double ContentWidth => Right - Left;

    /// <summary>Where content stops, leaving room for the footer.</summary>
    public static double Bottom => Height - Margin - 20;

    public XGraphics Graphics => _graphics ?? throw new InvalidOperationException("No page has been started.");

    public double Y { get; set; }

    public void Start()
    {
        _graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        Y = Margin;
    }

    public bool Fits(double height) => Y + height <= Bottom;

    public void Dispose() => _graphics?.Dispose();
}
