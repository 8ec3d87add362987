namespace Purser.Server.Notifications;

/// <summary>How an SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS (submission, port 587); refused if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,

    /// <summary>No TLS at all: only for a relay on the same host or a test server.</summary>
    None,
}

/// <summary>
/// Where e-mail goes (R-MAIL): an SMTP server when <see cref="SmtpHost"/> is set, otherwise one
/// <c>.eml</c> file per message in <see cref="OutboxDirectory"/>.
/// </summary>
public sealed record MailSettings(string OutboxDirectory, string From = MailSettings.DefaultFrom)
{
    public const string DefaultFrom = "Purser <billing@purser.localhost>";

    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 587;
    public SmtpSecurity Security { get; init; } = SmtpSecurity.StartTls;
    public string? UserName { get; init; }
    public string? Password { get; init; }

    /// <summary>Where people reach the server, for the links in e-mail; null for the first address it listens on.</summary>
    public Uri? PublicUrl { get; init; }
}
