using System.ComponentModel.DataAnnotations;
using Purser.Server.Notifications;

namespace Purser.Server.Hosting.Configuration;

/// <summary><c>Purser:Mail</c> (R-MAIL): without an SMTP host, mail is written as <c>.eml</c> files to the data folder's <c>outbox</c>.</summary>
public sealed class MailOptions : IPurserOptions
{
    public static string Section => "Purser:Mail";

    public string? SmtpHost { get; set; }

    [Range(1, 65535, ErrorMessage = "must be between {1} and {2}")]
    public int SmtpPort { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    /// <summary>Never a flag, so it does not show in a process list.</summary>
    public string? Password { get; set; }

    [Required(AllowEmptyStrings = false, ErrorMessage = "must be an e-mail address")]
    public string From { get; set; } = MailSettings.DefaultFrom;

    /// <summary>Where people reach this server, for the links in e-mail (unsubscribe); unset, the first address it listens on.</summary>
    [Url(ErrorMessage = "must be an absolute http or https address")]
    public string? PublicUrl { get; set; }

    public MailSettings ToSettings(string outboxDirectory) => new(outboxDirectory, From)
    {
        PublicUrl = string.IsNullOrWhiteSpace(PublicUrl) ? null : new Uri(PublicUrl),
        SmtpHost = string.IsNullOrWhiteSpace(SmtpHost) ? null : SmtpHost,
        SmtpPort = SmtpPort,
        Security = Security,
        UserName = string.IsNullOrEmpty(UserName) ? null : UserName,
        Password = string.IsNullOrEmpty(Password) ? null : Password,
    };
}
