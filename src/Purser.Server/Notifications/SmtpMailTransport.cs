using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Purser.Server.Notifications;

/// <summary>Sends over SMTP with MailKit: one connection per message, so a server that went away is simply tried again next time.</summary>
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
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(quit: true, ct);
    }
}
