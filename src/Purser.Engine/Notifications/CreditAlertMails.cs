using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Purser.Core.Alerts;
using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Engine.Credits;
using Stored = Purser.Engine.Storage.Entities;

namespace Purser.Engine.Notifications;

/// <summary>
/// R-ALERT inside every ledger change: after the change, each of the profile's thresholds is
/// decided (<see cref="CreditAlerts"/>) against the credit still usable, its state is kept and its
/// mails are written to the outbox in the same transaction. The profile's lock orders the changes,
/// so an alert is neither lost nor doubled; the once-key (threshold, fall, turn, recipient) holds
/// that even against a bug. A profile that configured no thresholds gets the defaults, kept as rows
/// at its first change so their state has a home.
/// </summary>
public sealed class CreditAlertMails(IMailComposer composer)
{
    public const string FiredKind = "CreditAlert";
    public const string RecoveredKind = "CreditAlertRecovered";

    internal async Task KeepAsync(LedgerSession session, CreditLedger after, CancellationToken ct)
    {
        var (db, profile, now) = (session.Db, session.Profile, session.Now);
        var thresholds = await db.CreditAlertThresholds.Where(t => t.BillingProfileId == profile.Id).ToListAsync(ct);
        if (thresholds.Count == 0)
        {
            thresholds = [.. CreditAlertThreshold.Defaults.Select(d => CreditAlertRows.New(profile, d))];
            db.CreditAlertThresholds.AddRange(thresholds);
        }
        var remaining = CreditPosition.Of(after, now).Remaining;
        List<ReminderRecipient>? admins = null;
        foreach (var row in thresholds.OrderBy(t => t.Basis).ThenByDescending(t => t.Value))
        {
            var threshold = new CreditAlertThreshold(row.Basis, row.Value);
            var level = threshold.LevelIn(after);
            if (CreditAlerts.Turn(level, row.Fired, remaining) is not { } turn)
                continue;
            row.Fired = turn == AlertTurn.Fired;
            row.Falls += row.Fired ? 1 : 0;
            row.TurnedAt = now.UtcDateTime;
            // Like the Monday reminder, alerts follow the profile's billing e-mail opt-in; the state is kept either way.
            if (!profile.InvoiceEmailOptIn)
                continue;
            admins ??= await AccountAdministrators.TakingOptionalAsync(db, profile.BillingAccountId, ct);
            var day = BillingTimeZone.Resolve(profile.TimeZone).DayOf(now);
            foreach (var to in admins)
            {
                var mail = composer.CreditAlert(new CreditAlertNotice(profile.DisplayName, turn, threshold, level, remaining, day, to));
                var key = string.Create(CultureInfo.InvariantCulture, $"credit-alert:{row.Id:N}:{row.Falls}:{turn}:{to.UserId:N}");
                db.Outbox.Add(OutboxMails.Email(profile.BillingAccountId, turn == AlertTurn.Fired ? FiredKind : RecoveredKind, to, mail, key, now));
            }
        }
    }
}

/// <summary>New threshold rows of a profile, armed.</summary>
internal static class CreditAlertRows
{
    public static Stored.CreditAlertThreshold New(Stored.BillingProfile profile, CreditAlertThreshold threshold) => new()
    {
        Id = Guid.NewGuid(), BillingAccountId = profile.BillingAccountId, BillingProfileId = profile.Id, Basis = threshold.Basis, Value = threshold.Value,
    };
}
