using System.CommandLine;
using System.Globalization;
using Purser.Server.Notifications;

namespace Purser.Server.Cli;

/// <summary>
/// serve's e-mail options (R-MAIL). Without <c>--smtp-host</c>, mail is written as <c>.eml</c> files to
/// the data folder's <c>outbox</c>. The password is read only from the environment, so it never
/// shows in a process list.
/// </summary>
internal static class MailOptions
{
    private static readonly Option<string?> SmtpHost = new("--smtp-host")
    {
        Description = "SMTP server for e-mail. Default: $PURSER_SMTP_HOST; with none, .eml files in the data folder's outbox.",
        DefaultValueFactory = _ => Env("PURSER_SMTP_HOST"),
    };

    private static readonly Option<int> SmtpPort = new("--smtp-port")
    {
        Description = "SMTP port. Default: $PURSER_SMTP_PORT, else 587.",
        DefaultValueFactory = _ => Env("PURSER_SMTP_PORT") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : 587,
    };

    private static readonly Option<SmtpSecurity> Security = new("--smtp-security")
    {
        Description = "StartTls (default), Tls (TLS from connect, port 465) or None. Default: $PURSER_SMTP_SECURITY.",
        DefaultValueFactory = _ => Env("PURSER_SMTP_SECURITY") is { } s ? Enum.Parse<SmtpSecurity>(s, ignoreCase: true) : SmtpSecurity.StartTls,
    };

    private static readonly Option<string?> SmtpUser = new("--smtp-user")
    {
        Description = "SMTP user name; its password comes from $PURSER_SMTP_PASSWORD. Default: $PURSER_SMTP_USER.",
        DefaultValueFactory = _ => Env("PURSER_SMTP_USER"),
    };

    private static readonly Option<string> From = new("--mail-from")
    {
        Description = $"The From address of e-mail. Default: $PURSER_MAIL_FROM, else {MailSettings.DefaultFrom}.",
        DefaultValueFactory = _ => Env("PURSER_MAIL_FROM") ?? MailSettings.DefaultFrom,
    };

    private static readonly Option<int> WeeklyHour = new("--weekly-reminder-hour")
    {
        Description = "Local hour of Monday (each billing profile's time zone) from which the weekly balance reminder goes out. Default: $PURSER_WEEKLY_REMINDER_HOUR, else 9.",
        DefaultValueFactory = _ => Env("PURSER_WEEKLY_REMINDER_HOUR") is { } h ? int.Parse(h, CultureInfo.InvariantCulture) : 9,
    };

    public static void AddTo(Command command)
    {
        foreach (var option in new Option[] { SmtpHost, SmtpPort, Security, SmtpUser, From, WeeklyHour })
            command.Options.Add(option);
    }

    public static MailSettings Mail(ParseResult parse) =>
        new(Path.Combine(Path.GetFullPath(parse.GetValue(StoreOptions.DataDir)!), "outbox"), parse.GetValue(From)!)
        {
            SmtpHost = parse.GetValue(SmtpHost),
            SmtpPort = parse.GetValue(SmtpPort),
            Security = parse.GetValue(Security),
            UserName = parse.GetValue(SmtpUser),
            Password = Env("PURSER_SMTP_PASSWORD"),
        };

    public static int WeeklyReminderHour(ParseResult parse) => parse.GetValue(WeeklyHour);

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
}
