using MimeKit;
using Purser.Engine.Billing;
using Purser.Engine.Invoicing;
using Purser.Engine.Notifications;
using Purser.Server.Documents;

namespace Purser.Server.Notifications;

/// <summary>
/// What a letter carries besides its words: an invoice e-mail's PDF, rendered when the letter is sent from the stored
/// invoice (so every attempt attaches the same document the downloads give).
/// </summary>
internal sealed class MailAttachments(InvoiceQueries invoices, InvoiceLineQueries lines, InvoiceSettings settings)
{
    public async Task<IReadOnlyList<MimePart>> ForAsync(OutboxLetter letter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(letter);
        if (letter.AttachedInvoiceId is not { } id)
            return [];
        var invoice = await invoices.FindAsync(id, ct) ?? throw new InvalidOperationException($"The invoice {id} attached to e-mail {letter.MessageId} does not exist.");
        var pdf = await InvoicePdfFile.RenderAsync(invoice, lines, settings, ct);
        return [new MimePart("application", "pdf")
        {
            Content = new MimeContent(new MemoryStream(pdf)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = InvoicePdfFile.NameOf(invoice),
        }];
    }
}
