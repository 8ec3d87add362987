using PdfSharp.Drawing;

namespace Purser.Server.Documents;

/// <summary>
/// The top of the pages: on the first, the issuer, the title with the invoice's facts, whom it is
/// billed to and a band with the amount due; on later pages, one line saying whose invoice it is.
/// </summary>
internal sealed class InvoiceHeading(InvoiceDocument invoice, InvoiceText text, InvoiceNumbers numbers, InvoiceStyle style)
{
    private const double FactsWidth = 236;
    private const double FactLabelWidth = 92;
    private const double BandHeight = 46;
    private const double Space = 18;

    public void DrawFirstPage(InvoicePages pages)
    {
        var g = pages.Graphics;
        var top = pages.Y;
        var left = InvoicePages.Left;
        var leftWidth = InvoicePages.ContentWidth - FactsWidth - Space;

        var y = top + TextBlock.Wrap(g, invoice.IssuerName, style.Issuer, InvoiceStyle.Ink, leftWidth).Draw(g, left, top, leftWidth);
        y += 2 * Space;
        y += TextBlock.Wrap(g, text["BillTo"], style.Label, InvoiceStyle.Muted, leftWidth).Draw(g, left, y, leftWidth) + 2;
        y += TextBlock.Wrap(g, invoice.BillToName, style.BodyBold, InvoiceStyle.Ink, leftWidth).Draw(g, left, y, leftWidth) + 1;
        y += TextBlock.Wrap(g, invoice.BillToAddress, style.Body, InvoiceStyle.Ink, leftWidth).Draw(g, left, y, leftWidth);

        // The title's large line box has more room above its letters; raised, its top lines up with the issuer's.
        var factsLeft = InvoicePages.Right - FactsWidth;
        var facts = top + TextBlock.Wrap(g, text["Title"], style.Title, InvoiceStyle.Accent, FactsWidth).Draw(g, factsLeft, top - 4, FactsWidth, alignRight: true) + 4;
        var labelDrop = style.Body.GetHeight() - style.Label.GetHeight();
        foreach (var (label, value) in Facts())
        {
            // The smaller label sits lower so it shares the value's baseline.
            TextBlock.Wrap(g, text[label], style.Label, InvoiceStyle.Muted, FactLabelWidth).Draw(g, factsLeft, facts + labelDrop, FactLabelWidth);
            facts += TextBlock.Wrap(g, value, style.Body, InvoiceStyle.Ink, FactsWidth - FactLabelWidth)
                .Draw(g, factsLeft + FactLabelWidth, facts, FactsWidth - FactLabelWidth, alignRight: true) + 3;
        }

        pages.Y = Math.Max(y, facts) + Space;
        DrawAmountDueBand(pages);
        pages.Y += BandHeight + Space;
    }

    public void DrawContinuation(InvoicePages pages)
    {
        var g = pages.Graphics;
        var half = InvoicePages.ContentWidth / 2;
        var issuer = TextBlock.Wrap(g, invoice.IssuerName, style.TotalStrong, InvoiceStyle.Ink, half);
        issuer.Draw(g, InvoicePages.Left, pages.Y, half);
        TextBlock.Wrap(g, $"{text["Title"]} {invoice.InvoiceNumber}", style.TotalStrong, InvoiceStyle.Accent, half)
            .Draw(g, InvoicePages.Left + half, pages.Y, half, alignRight: true);
        pages.Y += issuer.Height + 6;
        g.DrawLine(InvoiceStyle.Rule, InvoicePages.Left, pages.Y, InvoicePages.Right, pages.Y);
        pages.Y += Space;
    }

    private IEnumerable<(string Label, string Value)> Facts()
    {
        yield return ("InvoiceNumber", invoice.InvoiceNumber);
        yield return ("InvoiceDate", text.Date(invoice.InvoiceDate));
        yield return ("DueDate", text.Date(invoice.DueDate));
        yield return ("BillingPeriod", text.DateRange(invoice.PeriodStart, invoice.PeriodEnd));
        yield return ("BillingProfile", invoice.BillingProfileName);
        if (!string.IsNullOrWhiteSpace(invoice.PurchaseOrderNumber))
            yield return ("PurchaseOrder", invoice.PurchaseOrderNumber);
        yield return ("Status", text.Status(invoice.Status));
        yield return ("Currency", invoice.Currency);
    }

    private void DrawAmountDueBand(InvoicePages pages)
    {
        var g = pages.Graphics;
        var y = pages.Y;
        var inner = InvoicePages.ContentWidth / 2 - 14;
        g.DrawRectangle(InvoiceStyle.Band, InvoicePages.Left, y, InvoicePages.ContentWidth, BandHeight);
        TextBlock.Wrap(g, text["AmountDue"], style.Label, InvoiceStyle.Muted, inner).Draw(g, InvoicePages.Left + 12, y + 7, inner);
        TextBlock.Wrap(g, numbers.Money(invoice.AmountDue), style.Summary, InvoiceStyle.Accent, inner).Draw(g, InvoicePages.Left + 12, y + 18, inner);
        var right = InvoicePages.Right - 12 - inner;
        TextBlock.Wrap(g, text["DueDate"], style.Label, InvoiceStyle.Muted, inner).Draw(g, right, y + 7, inner, alignRight: true);
        TextBlock.Wrap(g, text.Date(invoice.DueDate), style.BodyBold, InvoiceStyle.Ink, inner).Draw(g, right, y + 21, inner, alignRight: true);
    }
}
