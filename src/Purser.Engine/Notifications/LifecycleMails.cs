using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Purser.Core.Calendar;
using Purser.Core.Lifecycle;
using Purser.Engine.Lifecycle;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Notifications;

/// <summary>
/// The lifecycle's e-mail to each account administrator, written from a transition's outbox event when it is fanned
/// out: disabled (with the deletion day and how to keep the data), enabled again by a top-up, deleted. They are service
/// notices, so unlike the reminder and alerts they do not follow the billing e-mail opt-in.
/// </summary>
internal static class LifecycleMails
{
    public const string DisabledKind = "SubscriptionDisabledNotice";
    public const string ReactivatedKind = "SubscriptionReactivatedNotice";
    public const string DeletedKind = "SubscriptionDeletedNotice";

    public static async Task<int> WriteAsync(PurserDbContext db, OutboxMessage ev, IMailComposer composer, DateTimeOffset now, CancellationToken ct)
    {
        if (LifecycleEventData.Parse(ev.Data) is not { } data || KindOf(data) is not { } kind)
            return 0;
        if (await db.BillingProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == data.BillingProfileId, ct) is not { } profile)
            return 0;
        var zone = BillingTimeZone.Resolve(profile.TimeZone);
        var deletion = data.DeletionDueAt is { } d ? zone.DayOf(d) : (DateOnly?)null;
        var written = 0;
        foreach (var to in await AccountAdministrators.OfAsync(db, profile.BillingAccountId, ct))
        {
            var mail = composer.Lifecycle(new LifecycleNotice(profile.DisplayName, data.DisplayName, data.To, data.Reason, data.Offer, zone.DayOf(data.At), deletion, to));
            var key = string.Create(CultureInfo.InvariantCulture, $"lifecycle:{ev.MessageId:N}:{to.UserId:N}");
            db.Outbox.Add(OutboxMails.Email(profile.BillingAccountId, kind, to, mail, key, now));
            written++;
        }
        return written;
    }

    private static string? KindOf(LifecycleEventData e) => e.To switch
    {
        SubscriptionState.Disabled => DisabledKind,
        SubscriptionState.Deleted => DeletedKind,
        SubscriptionState.Active when e.Reason == TransitionReason.TopUp => ReactivatedKind,
        _ => null,
    };
}
