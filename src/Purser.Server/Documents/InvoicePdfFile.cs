using Purser.Engine.Billing;
using Purser.Engine.Invoicing;

namespace Purser.Server.Documents;

/// <summary>
/// An invoice's PDF as a download, rendered on request in its billing profile's language: the one
/// path the ARM document endpoint and the portal's link both answer through (R-INVNUM, R-DOWNLOAD).
/// </summary>
public static class InvoicePdfFile
{
    public static async Task<IResult> OfAsync(InvoiceRecord invoice, InvoiceLineQueries lines, InvoiceSettings settings, CancellationToken ct) =>
        Results.File(await RenderAsync(invoice, lines, settings, ct), "application/pdf", NameOf(invoice));

    /// <summary>The PDF's bytes, as the download and the invoice e-mail's attachment carry them.</summary>
    public static async Task<byte[]> RenderAsync(InvoiceRecord invoice, InvoiceLineQueries lines, InvoiceSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(settings);
        var print = await lines.PrintAsync(invoice, ct);
        return InvoicePdf.Render(InvoiceDocuments.From(print, settings.Issuer), print.Language);
    }

    internal static string NameOf(InvoiceRecord invoice) => $"{invoice.InvoiceNumber}.pdf";
}
