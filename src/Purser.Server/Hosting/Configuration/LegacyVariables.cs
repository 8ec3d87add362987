namespace Purser.Server.Hosting.Configuration;

/// <summary>
/// The <c>PURSER_*</c> variables Purser read before it had a configuration stack, kept as aliases of
/// their keys so existing deployments and scripts go on working. An empty variable counts as unset, as it did.
/// </summary>
internal static class LegacyVariables
{
    public static IReadOnlyDictionary<string, string> Keys { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PURSER_DATABASE"] = StorageOptions.Section + ":" + nameof(StorageOptions.Database),
        ["PURSER_DATA"] = StorageOptions.Section + ":" + nameof(StorageOptions.DataDirectory),
        ["PURSER_URLS"] = PurserConfiguration.UrlsKey,
        ["PURSER_LOG_FORMAT"] = ServerOptions.Section + ":" + nameof(ServerOptions.LogFormat),
        ["PURSER_INVOICE_FONT"] = InvoiceOptions.Section + ":" + nameof(InvoiceOptions.CjkFont),
        ["PURSER_SMTP_HOST"] = MailOptions.Section + ":" + nameof(MailOptions.SmtpHost),
        ["PURSER_SMTP_PORT"] = MailOptions.Section + ":" + nameof(MailOptions.SmtpPort),
        ["PURSER_SMTP_SECURITY"] = MailOptions.Section + ":" + nameof(MailOptions.Security),
        ["PURSER_SMTP_USER"] = MailOptions.Section + ":" + nameof(MailOptions.UserName),
        ["PURSER_SMTP_PASSWORD"] = MailOptions.Section + ":" + nameof(MailOptions.Password),
        ["PURSER_MAIL_FROM"] = MailOptions.Section + ":" + nameof(MailOptions.From),
        ["PURSER_WEEKLY_REMINDER_HOUR"] = NotificationOptions.Section + ":" + nameof(NotificationOptions.WeeklyReminderHour),
    };

    public static IEnumerable<KeyValuePair<string, string?>> Read() =>
        from alias in Keys
        let value = Environment.GetEnvironmentVariable(alias.Key)
        where !string.IsNullOrEmpty(value)
        select KeyValuePair.Create(alias.Value, (string?)value);
}
