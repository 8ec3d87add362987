using PdfSharp.Drawing;

namespace Purser.Server.Documents;

/// <summary>
/// The totals under the table: what is owed (subtotal, tax, total), then how it is settled
/// (credit applied and payments, printed as deductions), ending with the amount due.
/// </summary>
internal sealed class InvoiceTotals(InvoiceDocument invoice, InvoiceNumbers numbers, InvoiceText text, InvoiceStyle style)
{
    private const double Width = 250;
    private const double RowGap = 5;
    private const double Space = 14;

    public double Height => 2 * Space + 5 * (style.Total.GetHeight() + RowGap) + style.AmountDue.GetHeight() + 3 * RowGap;

    public void Draw(InvoicePages pages)
    {
        var g = pages.Graphics;
        var left = InvoicePages.Right - Width;
        var y = pages.Y + Space;
        y = Row(g, left, y, "SubTotal", numbers.Money(invoice.SubTotal), style.Total, InvoiceStyle.Ink);
        y = Row(g, left, y, "Tax", numbers.Money(invoice.TaxAmount), style.Total, InvoiceStyle.Ink);
        y = Row(g, left, y, "Total", numbers.Money(invoice.Total), style.TotalStrong, InvoiceStyle.Ink);
        g.DrawLine(InvoiceStyle.Rule, left, y - RowGap / 2, InvoicePages.Right, y - RowGap / 2);
        y = Row(g, left, y + RowGap, "CreditApplied", numbers.Money(Deduction(invoice.CreditApplied)), style.Total, InvoiceStyle.Ink);
        y = Row(g, left, y, "AmountPaid", numbers.Money(Deduction(invoice.AmountPaid)), style.Total, InvoiceStyle.Ink);
        g.DrawLine(InvoiceStyle.StrongRule, left, y - RowGap / 2, InvoicePages.Right, y - RowGap / 2);
        y = Row(g, left, y + RowGap, "AmountDue", numbers.Money(invoice.AmountDue), style.AmountDue, InvoiceStyle.Accent);
        pages.Y = y + Space;
    }

    private double Row(XGraphics g, double left, double y, string label, string value, XFont font, XBrush brush)
    {
        TextBlock.Wrap(g, text[label], font, brush, Width / 2).Draw(g, left, y, Width / 2);
        return y + TextBlock.Wrap(g, value, font, brush, Width / 2).Draw(g, left + Width / 2, y, Width / 2, alignRight: true) + RowGap;
    }

    // Zero is printed as zero, not as a negative zero.
    private static decimal Deduction(decimal amount) => amount == 0 ? 0 : -amount;
}
