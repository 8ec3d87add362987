using Purser.Core.Lifecycle;
using Purser.Core.Monetary;

namespace Purser.Engine.Notifications;

/// <summary>
/// R-WEEKLY: one Monday's balance reminder of one billing profile to one account administrator —
/// each paid subscription with the profile's remaining credit and the days until it ends.
/// </summary>
public sealed record WeeklyReminder(Guid BillingAccountId, Guid BillingProfileId, string ProfileName, DateOnly Monday,
    ReminderRecipient To, IReadOnlyList<SubscriptionCredit> Subscriptions);

/// <param name="Language">The recipient's preferred language: zh-Hans, zh-Hant or en.</param>
/// <param name="TakesOptional">False once the person has turned optional notices off (<see cref="OptionalNotices"/>).</param>
public sealed record ReminderRecipient(Guid UserId, string Email, string? FirstName, string? LastName, string Language, bool TakesOptional = true);

/// <param name="CreditEndsOn">The profile-local day the last usable credit expires; null when none is left.</param>
public sealed record SubscriptionCredit(Guid SubscriptionId, string DisplayName, OfferType Offer, Money Remaining, int RemainingDays, DateOnly? CreditEndsOn);

/// <summary>A composed e-mail: subject and both parts of a multipart/alternative body.</summary>
public sealed record MailContent(string Subject, string Text, string Html);

/// <summary>Writes a message's words in the recipient's language; the server owns the texts.</summary>
public interface IMailComposer
{
    MailContent Weekly(WeeklyReminder reminder);

    MailContent CreditAlert(CreditAlertNotice notice);

    MailContent ExpiringCredit(ExpiringCreditNotice notice);

    MailContent Lifecycle(LifecycleNotice notice);

    MailContent StopReminder(StopReminder reminder);

    MailContent BudgetStep(BudgetStepNotice notice);

    MailContent InvoiceIssued(InvoiceIssuedNotice notice);
}

/// <summary>When on Monday reminders (and each day's expiring-credit notices) go out, on the billing profile's local clock.</summary>
public sealed record NotificationSettings(int WeeklyReminderHour = 9)
{
    public int WeeklyReminderHour { get; } = WeeklyReminderHour is >= 0 and < 24
        ? WeeklyReminderHour
        : throw new ArgumentOutOfRangeException(nameof(WeeklyReminderHour), WeeklyReminderHour, "An hour of the day is 0 to 23.");

    /// <summary>Whether the profile's local clock in <paramref name="timeZone"/> has reached today's notice hour.</summary>
    public bool HourReached(string timeZone, DateTimeOffset now) =>
        TimeZoneInfo.ConvertTime(now, Core.Calendar.BillingTimeZone.Resolve(timeZone).Zone).Hour >= WeeklyReminderHour;
}
