using System.Globalization;
using System.Net;
using System.Resources;
using System.Text;
using Purser.Core.Alerts;
using Purser.Core.Lifecycle;
using Purser.Engine.Notifications;
using Purser.Server.Documents;

namespace Purser.Server.Notifications;

/// <summary>
/// The words of e-mails, from the <c>MailText</c> resources (neutral = Simplified Chinese), in the
/// recipient's language; dates and money are formatted as on that language's invoices.
/// </summary>
internal sealed class MailComposer : IMailComposer
{
    private static readonly ResourceManager Resources = new("Purser.Server.Notifications.MailText", typeof(MailComposer).Assembly);

    public MailContent Weekly(WeeklyReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var (words, culture) = Words(reminder.To);
        string T(string key) => Text(key, culture);
        string F(string key, params object[] args) => string.Format(culture, T(key), args);
        string Money(Core.Monetary.Money m) => Amount(m, culture);

        var greeting = Greeting(reminder.To, culture);
        var intro = F("Weekly_Intro", reminder.ProfileName, words.Date(reminder.Monday));
        var text = new StringBuilder().AppendLine(greeting).AppendLine().AppendLine(intro).AppendLine();
        var rows = new StringBuilder();
        foreach (var s in reminder.Subscriptions)
        {
            var ends = s.CreditEndsOn is { } day ? words.Date(day) : "";
            text.AppendLine(s.CreditEndsOn is null
                ? F("Weekly_LineNoCredit", s.DisplayName, Money(s.Remaining))
                : F("Weekly_Line", s.DisplayName, Money(s.Remaining), s.RemainingDays, ends));
            rows.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(s.DisplayName)}</td><td style=\"text-align:right\">{H(Money(s.Remaining))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td style=\"text-align:right\">{s.RemainingDays.ToString(culture)}</td><td>{H(ends)}</td></tr>");
        }
        text.AppendLine().AppendLine(T("Weekly_Footer")).AppendLine().AppendLine(T("Weekly_Why")).AppendLine().AppendLine(Unsubscribe(culture));
        var html = $"""
            <!DOCTYPE html>
            <html lang="{H(culture.Name)}"><head><meta charset="utf-8"><title>{H(F("Weekly_Subject", reminder.ProfileName, words.Date(reminder.Monday)))}</title></head>
            <body>
            <p>{H(greeting)}</p>
            <p>{H(intro)}</p>
            <table border="1" cellpadding="6" style="border-collapse:collapse">
            <tr><th>{H(T("Column_Subscription"))}</th><th>{H(T("Column_RemainingCredit"))}</th><th>{H(T("Column_RemainingDays"))}</th><th>{H(T("Column_CreditEndsOn"))}</th></tr>
            {rows}
            </table>
            <p>{H(T("Weekly_Footer"))}</p>
            <p style="color:#666">{H(T("Weekly_Why"))}</p>
            <p style="color:#666">{H(Unsubscribe(culture))}</p>
            </body></html>
            """;
        return new MailContent(F("Weekly_Subject", reminder.ProfileName, words.Date(reminder.Monday)), text.ToString(), html);
    }

    public MailContent CreditAlert(CreditAlertNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var (words, culture) = Words(notice.To);
        string T(string key) => Text(key, culture);
        string F(string key, params object[] args) => string.Format(culture, T(key), args);
        var turn = notice.Turn == AlertTurn.Fired ? "CreditAlert" : "CreditRecovered";
        var threshold = notice.Threshold.Basis == AlertBasis.PercentOfLastTopUp
            ? F("Threshold_Percent", notice.Threshold.Value.ToString("0.##", culture))
            : T("Threshold_Amount");
        var level = Amount(notice.Level, culture);
        var subject = F($"{turn}_Subject", notice.ProfileName, level);
        var greeting = Greeting(notice.To, culture);
        var intro = F($"{turn}_Intro", notice.ProfileName, level, threshold, words.Date(notice.Day), Amount(notice.Remaining, culture));
        var paragraphs = notice.Turn == AlertTurn.Fired ? new[] { greeting, intro, T("CreditAlert_Footer") } : [greeting, intro];
        return Paragraphs(subject, paragraphs, T("Weekly_Why"), culture, optional: true);
    }

    /// <summary>
    /// A mail of plain paragraphs and grey notes on why it came (and, for an <paramref name="optional"/> notice, how to stop
    /// it), as text and as HTML.
    /// </summary>
    private static MailContent Paragraphs(string subject, IReadOnlyList<string> paragraphs, string why, CultureInfo culture, bool optional = false)
    {
        string[] notes = optional ? [why, Unsubscribe(culture)] : [why];
        var text = string.Join(Environment.NewLine + Environment.NewLine, paragraphs.Concat(notes)) + Environment.NewLine;
        var html = $"""
            <!DOCTYPE html>
            <html lang="{H(culture.Name)}"><head><meta charset="utf-8"><title>{H(subject)}</title></head>
            <body>
            {string.Concat(paragraphs.Select(p => $"<p>{H(p)}</p>"))}
            {string.Concat(notes.Select(n => $"<p style=\"color:#666\">{H(n)}</p>"))}
            </body></html>
            """;
        return new MailContent(subject, text, html);
    }

    public MailContent ExpiringCredit(ExpiringCreditNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var (words, culture) = Words(notice.To);
        string T(string key) => Text(key, culture);
        string F(string key, params object[] args) => string.Format(culture, T(key), args);
        var subject = F("Expiring_Subject", notice.ProfileName, Amount(notice.Remaining, culture), words.Date(notice.ExpiresOn));
        var greeting = Greeting(notice.To, culture);
        var intro = F("Expiring_Intro", notice.ProfileName, Amount(notice.Remaining, culture), words.Date(notice.ExpiresOn), notice.DaysLeft);
        return Paragraphs(subject, [greeting, intro, T("Weekly_Footer")], T("Weekly_Why"), culture, optional: true);
    }

    public MailContent Lifecycle(LifecycleNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var (words, culture) = Words(notice.Recipient);
        string T(string key) => Text(key, culture);
        string F(string key, params object[] args) => string.Format(culture, T(key), args);
        var state = notice.State switch
        {
            SubscriptionState.Disabled => "Disabled",
            SubscriptionState.Deleted => "Deleted",
            _ => "Reactivated",
        };
        var greeting = Greeting(notice.Recipient, culture);
        var intro = state == "Disabled"
            ? F("Lifecycle_Disabled_Intro", notice.SubscriptionName, notice.ProfileName, words.Date(notice.Day), T($"Lifecycle_Reason_{notice.Reason}"))
            : F($"Lifecycle_{state}_Intro", notice.SubscriptionName, notice.ProfileName, words.Date(notice.Day));
        var paragraphs = new List<string> { greeting, intro };
        if (notice.DeletionOn is { } deletion)
            paragraphs.Add(F(notice.Offer == OfferType.Trial ? "Lifecycle_Disabled_DeletionTrial" : "Lifecycle_Disabled_Deletion", words.Date(deletion)));
        if (notice.State != SubscriptionState.Deleted)
            paragraphs.Add(T("Weekly_Footer"));
        return Paragraphs(F($"Lifecycle_{state}_Subject", notice.SubscriptionName), paragraphs, T("Lifecycle_Why"), culture);
    }

    public MailContent StopReminder(StopReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var (words, culture) = Words(reminder.Recipient);
        string T(string key) => Text(key, culture);
        string F(string key, params object[] args) => string.Format(culture, T(key), args);
        var kind = reminder.Kind.ToString();
        var greeting = Greeting(reminder.Recipient, culture);
        var intro = F($"Stop_{kind}_Intro", reminder.SubscriptionName, reminder.ProfileName, words.Date(reminder.Day), reminder.DaysLeft,
            reminder.DailyRate is { } rate ? Amount(rate, culture) : "");
        return Paragraphs(F($"Stop_{kind}_Subject", reminder.SubscriptionName, words.Date(reminder.Day)), [greeting, intro, T($"Stop_{kind}_Advice")],
            T("Lifecycle_Why"), culture, optional: reminder.Kind == StopReminderKind.CreditRunOut);
    }

    public MailContent BudgetStep(BudgetStepNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var (words, culture) = Words(notice.Recipient);
        string T(string key) => Text(key, culture);
        string F(string key, params object[] args) => string.Format(culture, T(key), args);
        var step = notice.Stopped ? "Stopped" : "Restored";
        var greeting = Greeting(notice.Recipient, culture);
        var intro = F($"Budget_{step}_Intro", notice.BudgetName, Amount(notice.Spent, culture), Amount(notice.Amount, culture), words.Date(notice.PeriodEnds));
        return Paragraphs(F($"Budget_{step}_Subject", notice.BudgetName), [greeting, intro, T($"Budget_{step}_Advice")], T("Lifecycle_Why"), culture);
    }

    public MailContent InvoiceIssued(InvoiceIssuedNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var (words, culture) = Words(notice.Recipient);
        string T(string key) => Text(key, culture);
        string F(string key, params object[] args) => string.Format(culture, T(key), args);
        var intro = F("Invoice_Intro", notice.InvoiceNumber, notice.ProfileName, words.Date(notice.PeriodStart), words.Date(notice.PeriodEnd));
        var totals = F("Invoice_Totals", Amount(notice.SubTotal, culture), Amount(notice.CreditApplied, culture), Amount(notice.AmountDue, culture));
        var due = notice.AmountDue.Amount > 0 ? F("Invoice_Due", Amount(notice.AmountDue, culture), words.Date(notice.DueDate)) : T("Invoice_NothingDue");
        return Paragraphs(F("Invoice_Subject", notice.InvoiceNumber, notice.ProfileName), [Greeting(notice.Recipient, culture), intro, totals, due, T("Invoice_Attached")],
            T("Invoice_Why"), culture);
    }

    private static (InvoiceText Words, CultureInfo Culture) Words(ReminderRecipient to)
    {
        var words = InvoiceText.For(to.Language);
        return (words, words.Culture);
    }

    private static string Text(string key, CultureInfo culture) =>
        Resources.GetString(key, culture) ?? throw new InvalidOperationException($"MailText has no text named {key}.");

    private static string Amount(Core.Monetary.Money m, CultureInfo culture) => new InvoiceNumbers(culture, m.Currency.Code, m.Currency.MinorUnitDigits).Money(m.Amount);

    private static string Greeting(ReminderRecipient to, CultureInfo culture) =>
        Name(to, culture) is { } name ? string.Format(culture, Text("Greeting", culture), name) : Text("GreetingNoName", culture);

    /// <summary>How the recipient is addressed: family name first in Chinese, given name first in English.</summary>
    private static string? Name(ReminderRecipient to, CultureInfo culture)
    {
        var parts = culture.TwoLetterISOLanguageName == "zh" ? new[] { to.LastName, to.FirstName } : [to.FirstName, to.LastName];
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join(culture.TwoLetterISOLanguageName == "zh" ? "" : " ", present);
    }

    /// <summary>How to stop optional notices; the sender writes the recipient's own link in place of the marker.</summary>
    private static string Unsubscribe(CultureInfo culture) => string.Format(culture, Text("Unsubscribe_Line", culture), OptionalNotices.LinkMarker);

    private static string H(string value) => WebUtility.HtmlEncode(value);
}
