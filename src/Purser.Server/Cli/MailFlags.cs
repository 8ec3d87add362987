using Purser.Server.Hosting.Configuration;
using Purser.Server.Notifications;

namespace Purser.Server.Cli;

/// <summary>
/// serve's e-mail flags (R-MAIL). Without an SMTP host, mail is written as <c>.eml</c> files to the data folder's
/// <c>outbox</c>. The password has no flag, so it never shows in a process list.
/// </summary>
internal static class MailFlags
{
    private static readonly string Key = MailOptions.Section + ":";

    public static IReadOnlyList<SettingFlag> All { get; } =
    [
        SettingFlag.Text("--smtp-host", Key + nameof(MailOptions.SmtpHost), "SMTP server for e-mail. Default: none, .eml files in the data folder's outbox"),
        SettingFlag.Text("--smtp-port", Key + nameof(MailOptions.SmtpPort), "SMTP port. Default: 587"),
        SettingFlag.Text("--smtp-security", Key + nameof(MailOptions.Security), "StartTls (default), Tls (TLS from connect, port 465) or None"),
        SettingFlag.Text("--smtp-user", Key + nameof(MailOptions.UserName), $"SMTP user name; its password is {Key}{nameof(MailOptions.Password)}, never a flag"),
        SettingFlag.Text("--public-url", Key + nameof(MailOptions.PublicUrl), "Where people reach this server, for links in e-mail. Default: the first --urls address"),
        SettingFlag.Text("--mail-from", Key + nameof(MailOptions.From), $"The From address of e-mail. Default: {MailSettings.DefaultFrom}"),
        SettingFlag.Text("--weekly-reminder-hour", NotificationOptions.Section + ":" + nameof(NotificationOptions.WeeklyReminderHour),
            "Local hour of Monday (each billing profile's time zone) from which the weekly balance reminder goes out. Default: 9"),
    ];
}
