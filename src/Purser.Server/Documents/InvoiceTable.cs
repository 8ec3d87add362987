using PdfSharp.Drawing;

namespace Purser.Server.Documents;

/// <summary>The line items as a table whose heading is repeated on every page the lines reach.</summary>
internal sealed class InvoiceTable(InvoiceText text, InvoiceNumbers numbers, InvoiceStyle style)
{
    private const double Padding = 5;
    private const double Inset = 4;

    // The description takes whatever the fixed columns leave.
    private static readonly Column[] Columns =
    [
        new("Description", 0, AlignRight: false),
        new("ChargeType", 74, AlignRight: false),
        new("Quantity", 52, AlignRight: true),
        new("UnitPrice", 66, AlignRight: true),
        new("LineCredit", 66, AlignRight: true),
        new("Amount", 72, AlignRight: true),
    ];

    private static readonly double DescriptionWidth = InvoicePages.ContentWidth - Columns.Sum(c => c.Width);

    public void DrawHeading(InvoicePages pages)
    {
        var g = pages.Graphics;
        var cells = Columns.Select((c, i) => new[] { TextBlock.Wrap(g, text[c.Label], style.Heading, InvoiceStyle.Ink, InnerWidth(i)) }).ToArray();
        var height = cells.Max(c => c[0].Height) + 2 * Padding;
        g.DrawRectangle(InvoiceStyle.HeadingFill, InvoicePages.Left, pages.Y, InvoicePages.ContentWidth, height);
        DrawCells(g, cells, pages.Y + Padding);
        pages.Y += height;
        g.DrawLine(InvoiceStyle.StrongRule, InvoicePages.Left, pages.Y, InvoicePages.Right, pages.Y);
    }

    public Row Measure(XGraphics g, InvoiceDocumentLine line)
    {
        TextBlock[][] cells =
        [
            [TextBlock.Wrap(g, line.Description, style.Cell, InvoiceStyle.Ink, InnerWidth(0)), .. Notes(g, line)],
            [TextBlock.Wrap(g, text.ChargeType(line.ChargeType), style.Cell, InvoiceStyle.Ink, InnerWidth(1))],
            [TextBlock.Wrap(g, numbers.Quantity(line.Quantity), style.Cell, InvoiceStyle.Ink, InnerWidth(2))],
            [TextBlock.Wrap(g, numbers.UnitPrice(line.UnitPrice), style.Cell, InvoiceStyle.Ink, InnerWidth(3))],
            [TextBlock.Wrap(g, numbers.Amount(line.CreditApplied), style.Cell, InvoiceStyle.Ink, InnerWidth(4))],
            [TextBlock.Wrap(g, numbers.Amount(line.Amount), style.Cell, InvoiceStyle.Ink, InnerWidth(5))],
        ];
        return new(cells, cells.Max(c => c.Sum(b => b.Height)) + 2 * Padding);
    }

    // Subscription and period share a line when they fit on one; otherwise each gets its own
    // rather than the period breaking in the middle of a date.
    private IEnumerable<TextBlock> Notes(XGraphics g, InvoiceDocumentLine line)
    {
        var period = text.DateRange(line.StartDate, line.EndDate);
        if (string.IsNullOrWhiteSpace(line.SubscriptionName))
            return [Note(g, period)];
        var subscription = string.Format(text.Culture, text["SubscriptionNote"], line.SubscriptionName);
        var together = Note(g, $"{subscription} · {period}");
        return together.Lines.Count == 1 ? [together] : [Note(g, subscription), Note(g, period)];
    }

    private TextBlock Note(XGraphics g, string note) => TextBlock.Wrap(g, note, style.CellNote, InvoiceStyle.Muted, InnerWidth(0));

    private static void DrawCells(XGraphics g, TextBlock[][] cells, double top)
    {
        var x = InvoicePages.Left;
        for (var i = 0; i < Columns.Length; i++)
        {
            var y = top;
            foreach (var block in cells[i])
                y += block.Draw(g, x + Inset, y, InnerWidth(i), Columns[i].AlignRight);
            x += Width(i);
        }
    }

    private static double Width(int column) => column == 0 ? DescriptionWidth : Columns[column].Width;

    private static double InnerWidth(int column) => Width(column) - 2 * Inset;

    /// <summary>One line item laid out, so its height is known before a page is chosen for it.</summary>
    public sealed record Row(TextBlock[][] Cells, double Height)
    {
        public void Draw(InvoicePages pages)
        {
            DrawCells(pages.Graphics, Cells, pages.Y + Padding);
            pages.Y += Height;
            pages.Graphics.DrawLine(InvoiceStyle.Rule, InvoicePages.Left, pages.Y, InvoicePages.Right, pages.Y);
        }
    }

    private sealed record Column(string Label, double Width, bool AlignRight);
}
