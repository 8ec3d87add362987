using Purser.Server.Hosting.Configuration;
using Purser.Server.Notifications;

namespace Purser.Server.Hosting;

/// <param name="ScheduleBilling">Whether this process closes due billing periods on its own each minute (tests drive closes themselves).</param>
/// <param name="InvoiceCjkFont">A TrueType CJK font for Chinese invoice PDFs, tried before Debian's; null for Debian's alone.</param>
/// <param name="Mail">Where the outbox's e-mail goes; null sends none (the messages wait in the outbox), as in tests that do not look at mail.</param>
/// <param name="WeeklyReminderHour">The local hour of Monday, on each billing profile's clock, from which R-WEEKLY reminders go out.</param>
public sealed record ServerSettings(string ConnectionString, string Urls, bool LoadDemoWhenEmpty, bool ScheduleBilling = true, string? InvoiceCjkFont = null,
    MailSettings? Mail = null, int WeeklyReminderHour = 9)
{
    /// <summary>The configuration these settings were read from, which the host then reads too (logging levels, Kestrel); null for the host's defaults.</summary>
    public IConfiguration? Configuration { get; init; }

    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(new ServerOptions().ShutdownTimeoutSeconds);

    public bool JsonLogs { get; init; }

    /// <summary>The settings of <c>purser serve</c> from its configuration stack, each section checked first.</summary>
    public static ServerSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var storage = PurserOptions.Read<StorageOptions>(configuration);
        var server = PurserOptions.Read<ServerOptions>(configuration);
        var mail = PurserOptions.Read<MailOptions>(configuration);
        var notifications = PurserOptions.Read<NotificationOptions>(configuration);
        var invoices = PurserOptions.Read<InvoiceOptions>(configuration);
        var urls = configuration[PurserConfiguration.UrlsKey] is { Length: > 0 } u ? u : PurserConfiguration.DefaultUrls;
        return new ServerSettings(storage.ConnectionString(), urls, server.LoadDemo, server.ScheduleBilling,
            string.IsNullOrEmpty(invoices.CjkFont) ? null : invoices.CjkFont, mail.ToSettings(storage.OutboxDirectory), notifications.WeeklyReminderHour)
        {
            Configuration = configuration,
            ShutdownTimeout = TimeSpan.FromSeconds(server.ShutdownTimeoutSeconds),
            JsonLogs = server.LogFormat == LogFormat.Json,
        };
    }
}
