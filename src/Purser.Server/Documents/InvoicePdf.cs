using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Purser.Server.Documents;

/// <summary>Renders an invoice as an A4 PDF in the billing profile's language.</summary>
public static class InvoicePdf
{
    /// <summary>
    /// The invoice as PDF bytes, written in <paramref name="language"/>: "zh-Hans", "zh-Hant" or
    /// "en"; any other value gets Simplified Chinese, the product's default.
    /// </summary>
    public static byte[] Render(InvoiceDocument invoice, string language)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var text = InvoiceText.For(language);
        var numbers = new InvoiceNumbers(text.Culture, invoice.Currency, invoice.MinorUnitDigits);
        var style = new InvoiceStyle(InvoiceFonts.Installed().FamilyFor(string.Concat(Words(invoice, text))));

        using var document = new PdfDocument();
        document.Info.Title = $"{text["Title"]} {invoice.InvoiceNumber}";
        document.Info.Author = invoice.IssuerName;
        Compose(document, invoice, text, numbers, style);
        NumberPages(document, invoice, text, style);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Compose(PdfDocument document, InvoiceDocument invoice, InvoiceText text, InvoiceNumbers numbers, InvoiceStyle style)
    {
        using var pages = new InvoicePages(document);
        var heading = new InvoiceHeading(invoice, text, numbers, style);
        var table = new InvoiceTable(text, numbers, style);
        pages.Start();
        heading.DrawFirstPage(pages);
        table.DrawHeading(pages);
        foreach (var line in invoice.Lines)
        {
            var row = table.Measure(pages.Graphics, line);
            if (!pages.Fits(row.Height))
            {
                pages.Start();
                heading.DrawContinuation(pages);
                table.DrawHeading(pages);
            }
            row.Draw(pages);
        }
        var totals = new InvoiceTotals(invoice, numbers, text, style);
        if (!pages.Fits(totals.Height))
        {
            pages.Start();
            heading.DrawContinuation(pages);
        }
        totals.Draw(pages);
    }

    // Page numbers need the page count, so they are drawn once every page exists.
    private static void NumberPages(PdfDocument document, InvoiceDocument invoice, InvoiceText text, InvoiceStyle style)
    {
        var half = InvoicePages.ContentWidth / 2;
        var y = InvoicePages.Height - InvoicePages.Margin;
        for (var i = 0; i < document.PageCount; i++)
        {
            using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            g.DrawLine(InvoiceStyle.Rule, InvoicePages.Left, y - 6, InvoicePages.Right, y - 6);
            TextBlock.Wrap(g, $"{invoice.IssuerName} · {text["Title"]} {invoice.InvoiceNumber}", style.Footer, InvoiceStyle.Muted, half)
                .Draw(g, InvoicePages.Left, y, half);
            TextBlock.Wrap(g, text.PageNumber(i + 1, document.PageCount), style.Footer, InvoiceStyle.Muted, half)
                .Draw(g, InvoicePages.Left + half, y, half, alignRight: true);
        }
    }

    // Every string the invoice may print, to choose a font that has glyphs for all of them.
    private static IEnumerable<string?> Words(InvoiceDocument invoice, InvoiceText text)
    {
        yield return text.AllWords();
        yield return invoice.InvoiceNumber;
        yield return invoice.Currency;
        yield return invoice.IssuerName;
        yield return invoice.BillToName;
        yield return invoice.BillToAddress;
        yield return invoice.BillingProfileName;
        yield return invoice.PurchaseOrderNumber;
        foreach (var line in invoice.Lines)
        {
            yield return line.Description;
            yield return line.SubscriptionName;
        }
    }
}
