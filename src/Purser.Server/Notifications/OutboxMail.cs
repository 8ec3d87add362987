using System.Net;
using MimeKit;
using Purser.Engine.Notifications;

namespace Purser.Server.Notifications;

/// <summary>
/// An outbox letter as a MIME message: multipart/alternative text and HTML (inside multipart/mixed when it carries
/// attachments), its Message-ID the outbox's stable id. An optional notice gets its recipient's unsubscribe link in its
/// words and the RFC 8058 one-click headers.
/// </summary>
internal static class OutboxMail
{
    public const string MessageIdDomain = "purser";

    public static MimeMessage Build(OutboxLetter letter, MailSettings settings, IReadOnlyList<MimePart>? attachments = null, UnsubscribeLinks? unsubscribe = null)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(settings);
        var (text, html) = (letter.Text, letter.Html);
        Uri? oneClick = null;
        if (unsubscribe is not null && OptionalNotices.Is(letter.Kind))
        {
            var links = unsubscribe.For(letter.Recipient);
            var page = links.Page.AbsoluteUri;
            text = text.Replace(OptionalNotices.LinkMarker, page, StringComparison.Ordinal);
            html = html?.Replace(OptionalNotices.LinkMarker, $"<a href=\"{WebUtility.HtmlEncode(page)}\">{WebUtility.HtmlEncode(page)}</a>", StringComparison.Ordinal);
            oneClick = links.OneClick;
        }
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        foreach (var part in attachments ?? [])
            body.Attachments.Add(part);
        var message = new MimeMessage
        {
            MessageId = $"{letter.MessageId:N}@{MessageIdDomain}",
            Subject = letter.Subject,
            Date = letter.CreatedAt,
            Body = body.ToMessageBody(),
        };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(letter.Recipient));
        message.Headers.Add("X-Purser-Kind", letter.Kind);
        if (oneClick is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{oneClick.AbsoluteUri}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }
}
