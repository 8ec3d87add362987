using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Lifecycle;
using Purser.Engine.Credits;
using Purser.Engine.Jobs;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Notifications;

/// <summary>
/// R-WEEKLY: from the configured hour of each Monday on a billing profile's local clock, writes one
/// reminder per account administrator to the outbox, for profiles that take billing e-mail
/// (InvoiceEmailOptIn). The once-key (profile, recipient, Monday) is unique, so a second pass, a
/// second server or a restart writes nothing more; a pass later on Monday still catches up.
/// </summary>
public sealed class WeeklyReminders(PurserStore store, TimeProvider clock, NotificationSettings settings, IMailComposer composer)
{
    public const string Kind = "WeeklyBalanceReminder";
    private static readonly SubscriptionState[] Gone = [SubscriptionState.Deleted, SubscriptionState.Cancelled];

    /// <summary>Writes the reminders due now; returns how many were written and which profiles failed.</summary>
    public async Task<(int Written, IReadOnlyList<ProfileFailure> Failed)> WriteDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<BillingProfile> profiles;
        await using (var db = store.CreateContext())
            profiles = await db.BillingProfiles.AsNoTracking().Where(p => p.InvoiceEmailOptIn).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var due = profiles.Where(p => MondayOf(p, now) is not null).ToDictionary(p => p.Id);
        var (done, failed) = await ProfileFailures.EachAsync(due.Keys, 1, async id => Outcome<int>.Accept(await WriteAsync(due[id], now, ct)), ct);
        return (done.Sum(), failed);
    }

    private DateOnly? MondayOf(BillingProfile profile, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, BillingTimeZone.Resolve(profile.TimeZone).Zone);
        return local.DayOfWeek == DayOfWeek.Monday && local.Hour >= settings.WeeklyReminderHour ? DateOnly.FromDateTime(local.DateTime) : null;
    }

    private async Task<int> WriteAsync(BillingProfile profile, DateTimeOffset now, CancellationToken ct)
    {
        var monday = MondayOf(profile, now)!.Value;
        await using var db = store.CreateContext();
        var pending = new List<ReminderRecipient>();
        foreach (var to in await AccountAdministrators.TakingOptionalAsync(db, profile.BillingAccountId, ct))
        {
            var key = OnceKey(profile.Id, to.UserId, monday);
            if (!await db.Outbox.AnyAsync(m => m.OnceKey == key, ct))
                pending.Add(to);
        }
        if (pending.Count == 0)
            return 0;
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => s.BillingProfileId == profile.Id && !Gone.Contains(s.State))
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(ct);
        var paid = subscriptions.Where(s => s.OfferType.IsPrepaid()).ToList();
        if (paid.Count == 0)
            return 0;
        // The figures of the overview: the credit still usable in the kept lot positions, and its last expiry as local days.
        var zone = BillingTimeZone.Resolve(profile.TimeZone);
        var credit = CreditPosition.Of(await LedgerLoading.OpenAsync(db, profile, LedgerNeeds.None, ct), now);
        var lines = paid.Select(s => new SubscriptionCredit(s.Id, s.DisplayName, s.OfferType, credit.Remaining, credit.RemainingDays(zone, now),
            credit.LastExpiration is { } last ? zone.DayOf(last) : null)).ToList();
        var written = 0;
        foreach (var to in pending)
        {
            var reminder = new WeeklyReminder(profile.BillingAccountId, profile.Id, profile.DisplayName, monday, to, lines);
            var message = OutboxMails.Email(profile.BillingAccountId, Kind, to, composer.Weekly(reminder), OnceKey(profile.Id, to.UserId, monday), now);
            if (await OutboxMails.WriteOnceAsync(db, message, ct))
                written++;
        }
        return written;
    }

    private static string OnceKey(Guid profileId, Guid userId, DateOnly monday) =>
        string.Create(CultureInfo.InvariantCulture, $"weekly:{profileId:N}:{userId:N}:{monday:yyyy-MM-dd}");
}
