using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Alerts;
using Purser.Core.Calendar;
using Purser.Core.Monetary;
using Purser.Engine.Credits;
using Purser.Engine.Jobs;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Notifications;

/// <summary>
/// R-ALERT's expiring credit: from the configured local hour of each day (the Monday reminder's
/// hour), each account administrator hears once per lot and stage (<see cref="CreditExpiryNotice"/>)
/// of a usable lot with credit left, for profiles that take billing e-mail. The once-key (lot,
/// stage, recipient) is unique, so later passes, other servers and restarts write nothing more.
/// </summary>
public sealed class ExpiringCreditNotices(PurserStore store, TimeProvider clock, NotificationSettings settings, IMailComposer composer)
{
    public const string Kind = "CreditExpiring";

    public async Task<(int Written, IReadOnlyList<ProfileFailure> Failed)> WriteDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<BillingProfile> profiles;
        await using (var db = store.CreateContext())
            profiles = await db.BillingProfiles.AsNoTracking().Where(p => p.InvoiceEmailOptIn).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var due = profiles.Where(p => settings.HourReached(p.TimeZone, now)).ToDictionary(p => p.Id);
        var (done, failed) = await ProfileFailures.EachAsync(due.Keys, 1, async id => Outcome<int>.Accept(await WriteAsync(due[id], now, ct)), ct);
        return (done.Sum(), failed);
    }

    private async Task<int> WriteAsync(BillingProfile profile, DateTimeOffset now, CancellationToken ct)
    {
        var zone = BillingTimeZone.Resolve(profile.TimeZone);
        var today = zone.DayOf(now);
        var horizon = now.UtcDateTime.AddDays(CreditExpiryNotice.Stages.Max() + 1);
        await using var db = store.CreateContext();
        var lots = (await db.CreditLots.AsNoTracking()
                .Where(l => l.BillingProfileId == profile.Id && l.StartDate <= now.UtcDateTime && l.ExpirationDate > now.UtcDateTime && l.ExpirationDate <= horizon)
                .OrderBy(l => l.ExpirationDate).ThenBy(l => l.Sequence).ToListAsync(ct))
            .Where(l => l.CurrentBalance > 0m)
            .Select(l => (Lot: l, ExpiresOn: zone.DayOf(LedgerMapping.Utc(l.ExpirationDate))))
            .Select(l => (l.Lot, l.ExpiresOn, Stage: CreditExpiryNotice.Stage(today, l.ExpiresOn)))
            .Where(l => l.Stage is not null).ToList();
        if (lots.Count == 0)
            return 0;
        var admins = await AccountAdministrators.TakingOptionalAsync(db, profile.BillingAccountId, ct);
        var written = 0;
        foreach (var (lot, expiresOn, stage) in lots)
        {
            foreach (var to in admins)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"expiring:{lot.Id:N}:{stage}:{to.UserId:N}");
                if (await db.Outbox.AnyAsync(m => m.OnceKey == key, ct))
                    continue;
                var remaining = new Money(lot.CurrentBalance, Currency.Parse(lot.Currency));
                var mail = composer.ExpiringCredit(new ExpiringCreditNotice(profile.DisplayName, remaining, expiresOn, expiresOn.DayNumber - today.DayNumber, to));
                if (await OutboxMails.WriteOnceAsync(db, OutboxMails.Email(profile.BillingAccountId, Kind, to, mail, key, now), ct))
                    written++;
            }
        }
        return written;
    }
}
