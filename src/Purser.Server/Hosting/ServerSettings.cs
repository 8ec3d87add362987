using Purser.Server.Notifications;

namespace Purser.Server.Hosting;

/// <param name="ScheduleBilling">Whether this process closes due billing periods on its own each minute (tests drive closes themselves).</param>
/// <param name="InvoiceCjkFont">A TrueType CJK font for Chinese invoice PDFs, tried before Debian's; null for Debian's alone.</param>
/// <param name="Mail">Where the outbox's e-mail goes; null sends none (the messages wait in the outbox), as in tests that do not look at mail.</param>
/// <param name="WeeklyReminderHour">The local hour of Monday, on each billing profile's clock, from which R-WEEKLY reminders go out.</param>
public sealed record ServerSettings(string ConnectionString, string Urls, bool LoadDemoWhenEmpty, bool ScheduleBilling = true, string? InvoiceCjkFont = null,
    MailSettings? Mail = null, int WeeklyReminderHour = 9);
