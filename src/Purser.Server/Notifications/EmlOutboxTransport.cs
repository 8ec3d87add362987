using MimeKit;

namespace Purser.Server.Notifications;

/// <summary>
/// With no SMTP server configured, each message becomes <c>{Message-ID}.eml</c> in the outbox folder:
/// written to a temporary name and moved into place, so a reader never sees half a file, and a
/// second delivery of one message replaces its own file instead of adding another.
/// </summary>
internal sealed class EmlOutboxTransport(string directory) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(directory);
        var id = message.MessageId ?? throw new ArgumentException("An outbox message always has its Message-ID.", nameof(message));
        var name = Path.Combine(directory, id.Split('@')[0] + ".eml");
        var partial = name + ".partial";
        await message.WriteToAsync(partial, ct);
        File.Move(partial, name, overwrite: true);
    }
}
