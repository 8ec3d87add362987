namespace Purser.Engine.Notifications;

/// <summary>
/// The notices a person may turn off (on the portal's profile page or by the link in each of them): news about credit,
/// not about the service itself. Lifecycle notices, the stop reminders of a trial or a data deletion, budget stops and
/// invoices are not optional; invoices follow the billing profile's e-mail opt-in instead.
/// </summary>
public static class OptionalNotices
{
    /// <summary>
    /// Where an optional notice's words put its unsubscribe link. The link carries a protected token of the recipient's
    /// address, so the sender writes it in when the mail goes out, not when the notice is written.
    /// </summary>
    public const string LinkMarker = "{{purser:unsubscribe}}";

    public static IReadOnlySet<string> Kinds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        WeeklyReminders.Kind, CreditAlertMails.FiredKind, CreditAlertMails.RecoveredKind, ExpiringCreditNotices.Kind, StopReminders.RunOutKind,
    };

    public static bool Is(string kind) => Kinds.Contains(kind);
}
