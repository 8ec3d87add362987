using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Purser.Server.Notifications;

/// <summary>
/// Sends over SMTP with MailKit: one connection per message, so a server that went away is simply tried again next time. A
/// permanent refusal of the recipient or the message (5xx) is told apart, so the outbox gives that message up at once.
/// </summary>
internal sealed class SmtpMailTransport(MailSettings settings) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var smtp = new SmtpClient { Timeout = 30_000 };
        var security = settings.Security switch
        {
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        var host = settings.SmtpHost ?? throw new InvalidOperationException("SMTP delivery needs a host.");
        await smtp.ConnectAsync(host, settings.SmtpPort, security, ct);
        if (settings.UserName is { Length: > 0 } user)
            await smtp.AuthenticateAsync(user, settings.Password ?? "", ct);
        try
        {
            await smtp.SendAsync(message, ct);
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500
            && refused.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            throw new MailRefusedException($"{(int)refused.StatusCode} {refused.Message}", refused);
        }
        await smtp.DisconnectAsync(quit: true, ct);
    }
}
