using MimeKit;
using Purser.Engine.Notifications;

namespace Purser.Server.Notifications;

/// <summary>An outbox letter as a MIME message: multipart/alternative text and HTML, its Message-ID the outbox's stable id.</summary>
internal static class OutboxMail
{
    public const string MessageIdDomain = "purser";

    public static MimeMessage Build(OutboxLetter letter, MailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(settings);
        var body = new BodyBuilder { TextBody = letter.Text, HtmlBody = letter.Html };
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
        return message;
    }
}
