using MimeKit;

namespace Purser.Server.Notifications;

/// <summary>Hands one message on; throws when it could not, so the outbox keeps it for a retry.</summary>
internal interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
