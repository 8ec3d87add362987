using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Calendar;
using Purser.Core.Lifecycle;
using Purser.Core.Monetary;
using Purser.Engine.Jobs;
using Purser.Engine.Lifecycle;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;
using Purser.Engine.Subscriptions;

namespace Purser.Engine.Notifications;

/// <summary>
/// From the configured local hour of each day, each account administrator hears once that a trial ends within
/// <see cref="TrialDays"/> local days, that a disabled subscription's data is deleted within <see cref="DeletionDays"/>,
/// and that at the recent rate its credit runs out within <see cref="RunOutDays"/> (the overview's forecast, R-OVERVIEW).
/// The first two are service notices, sent whatever the billing e-mail opt-in says; the run-out is an alert and follows
/// it, as the credit alerts do. The once-key names the subscription and the instant it stops (for a run-out, the newest
/// top-up, so a top-up re-arms it): later passes, other servers and restarts write nothing more.
/// </summary>
public sealed class StopReminders(PurserStore store, TimeProvider clock, NotificationSettings settings, IMailComposer composer, SubscriptionOverviewQueries overviews)
{
    public const string TrialEndingKind = "TrialEnding";
    public const string DataDeletionKind = "DataDeletionDue";
    public const string RunOutKind = "CreditRunOut";
    public const int TrialDays = 3;
    public const int DeletionDays = 7;
    public const int RunOutDays = 7;
    private static readonly OfferType[] Prepaid = [OfferType.Trial, OfferType.StandardPrepaid];
    private static readonly SubscriptionState[] Open = [SubscriptionState.Active, SubscriptionState.Disabled];

    public async Task<(int Written, IReadOnlyList<ProfileFailure> Failed)> WriteDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<BillingProfile> profiles;
        await using (var db = store.CreateContext())
            profiles = await db.BillingProfiles.AsNoTracking()
                .Where(p => db.Subscriptions.Any(s => s.BillingProfileId == p.Id && Prepaid.Contains(s.OfferType) && Open.Contains(s.State)))
                .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var due = profiles.Where(p => settings.HourReached(p.TimeZone, now)).ToDictionary(p => p.Id);
        var (done, failed) = await ProfileFailures.EachAsync(due.Keys, 1, async id => Outcome<int>.Accept(await WriteAsync(due[id], now, ct)), ct);
        return (done.Sum(), failed);
    }

    private async Task<int> WriteAsync(BillingProfile profile, DateTimeOffset now, CancellationToken ct)
    {
        var zone = BillingTimeZone.Resolve(profile.TimeZone);
        var today = zone.DayOf(now);
        await using var db = store.CreateContext();
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => s.BillingProfileId == profile.Id && Prepaid.Contains(s.OfferType) && Open.Contains(s.State)).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var reminders = new List<(Subscription Subscription, StopReminderKind Kind, DateOnly Day, int Within, string Anchor, Money? Rate)>();
        Guid? newestLot = null;
        List<ReminderRecipient>? admins = null;
        foreach (var s in subscriptions)
        {
            var lifecycle = LifecycleRecords.Load(s, zone);
            if (lifecycle.State == SubscriptionState.Active && lifecycle.TrialEndsAt is { } trialEnds && trialEnds > now)
                reminders.Add((s, StopReminderKind.TrialEnding, zone.DayOf(trialEnds), TrialDays, Ticks(trialEnds), null));
            if (lifecycle.DeletionDueAt is { } deletion && deletion > now)
                reminders.Add((s, StopReminderKind.DataDeletion, zone.DayOf(deletion), DeletionDays, Ticks(deletion), null));
            if (lifecycle.State != SubscriptionState.Active || !profile.InvoiceEmailOptIn)
                continue;
            newestLot ??= await db.CreditLots.AsNoTracking().Where(l => l.BillingProfileId == profile.Id).OrderByDescending(l => l.Sequence)
                .Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
            if (newestLot is not { } lot)
                continue;
            var anchor = lot.ToString("N");
            admins ??= await AccountAdministrators.OfAsync(db, profile.BillingAccountId, ct);
            // The forecast reads the lots and ten days of usage, and this runs every minute of the day: once every administrator
            // has heard of this top-up's run-out, it is not worked out again.
            var keys = admins.Where(to => to.TakesOptional).Select(to => Key(StopReminderKind.CreditRunOut, s, anchor, to)).ToList();
            if (await db.Outbox.CountAsync(m => m.OnceKey != null && keys.Contains(m.OnceKey), ct) == keys.Count)
                continue;
            if (await overviews.OfAsync(s.Id, ct) is { RemainingCredit.IsPositive: true, Forecast: { RunsOutOn: { } runsOut, ExpiresFirst: false } forecast })
                reminders.Add((s, StopReminderKind.CreditRunOut, runsOut, RunOutDays, anchor, forecast.DailyRate));
        }
        var written = 0;
        foreach (var (s, kind, day, within, anchor, rate) in reminders)
        {
            if (day.DayNumber - today.DayNumber > within)
                continue;
            admins ??= await AccountAdministrators.OfAsync(db, profile.BillingAccountId, ct);
            // The run-out forecast is news about credit, which a person may turn off; the trial's end and a data deletion are not.
            foreach (var to in admins.Where(to => to.TakesOptional || kind != StopReminderKind.CreditRunOut))
            {
                var key = Key(kind, s, anchor, to);
                if (await db.Outbox.AnyAsync(m => m.OnceKey == key, ct))
                    continue;
                var mail = composer.StopReminder(new StopReminder(kind, profile.DisplayName, s.DisplayName, day, day.DayNumber - today.DayNumber, to, rate));
                if (await OutboxMails.WriteOnceAsync(db, OutboxMails.Email(profile.BillingAccountId, KindName(kind), to, mail, key, now), ct))
                    written++;
            }
        }
        return written;
    }

    private static string Key(StopReminderKind kind, Subscription s, string anchor, ReminderRecipient to) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}:{s.Id:N}:{anchor}:{to.UserId:N}");

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString(CultureInfo.InvariantCulture);

    private static string KindName(StopReminderKind kind) => kind switch
    {
        StopReminderKind.TrialEnding => TrialEndingKind,
        StopReminderKind.DataDeletion => DataDeletionKind,
        _ => RunOutKind,
    };
}
