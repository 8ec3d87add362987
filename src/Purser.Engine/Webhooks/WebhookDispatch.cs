using Microsoft.EntityFrameworkCore;
using Purser.Engine.Credits;
using Purser.Engine.Notifications;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Webhooks;

/// <summary>
/// Sending webhook deliveries (made by <see cref="Notifications.EventFanOut"/>) across any number of server processes:
/// due deliveries are claimed with a lease, as e-mail is claimed. A process that dies after the receiver got a request
/// and before marking it leaves the lease to run out; the event is then sent again with the same id, which a receiver
/// that honours the id drops.
/// </summary>
public sealed class WebhookDispatch(PurserStore store, TimeProvider clock)
{
    private const int Batch = 100;

    public async Task<IReadOnlyList<WebhookAttempt>> ClaimDueAsync(string owner, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = store.CreateContext();
        var due = await (
                from d in db.WebhookDeliveries.AsNoTracking()
                join e in db.WebhookEndpoints.AsNoTracking() on d.EndpointId equals e.Id
                join m in db.Outbox.AsNoTracking() on d.OutboxMessageId equals m.Id
                where d.DeliveredAt == null && d.GaveUpAt == null && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now) && e.RemovedAt == null
                orderby d.NextAttemptAt, d.Id
                select new { Delivery = d, e.Url, e.Secret, Message = m })
            .Take(Batch).ToListAsync(ct);
        var claimed = new List<WebhookAttempt>();
        foreach (var c in due)
        {
            // Another sender may have claimed it since the read: the update checks the condition again.
            var won = await db.WebhookDeliveries
                .Where(x => x.Id == c.Delivery.Id && x.DeliveredAt == null && (x.LeaseUntil == null || x.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedBy, owner).SetProperty(x => x.LeaseUntil, now + WebhookRetries.Lease), ct);
            if (won == 1)
                claimed.Add(new WebhookAttempt(c.Delivery.Id, c.Url, c.Secret, c.Delivery.EventId, c.Delivery.EventType, WebhookEventBody.Json(c.Message),
                    c.Delivery.Attempts, LedgerMapping.Utc(c.Delivery.CreatedAt)));
        }
        return claimed;
    }

    public async Task DeliveredAsync(WebhookAttempt attempt, int status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = store.CreateContext();
        await db.WebhookDeliveries.Where(x => x.Id == attempt.Id && x.DeliveredAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.DeliveredAt, now)
            .SetProperty(x => x.Attempts, attempt.Attempts + 1)
            .SetProperty(x => x.LastAttemptAt, now)
            .SetProperty(x => x.LastStatusCode, status)
            .SetProperty(x => x.LastError, (string?)null)
            .SetProperty(x => x.LeaseUntil, (DateTime?)null), ct);
    }

    /// <summary>Records a failed attempt and the next one's time, or gives up once the event is older than <see cref="OutboxBackoff.GiveUpAfter"/>.</summary>
    public async Task FailedAsync(WebhookAttempt attempt, string owner, int? status, string error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(error);
        var now = clock.GetUtcNow().UtcDateTime;
        var failures = attempt.Attempts + 1;
        var next = now + OutboxBackoff.After(failures);
        DateTime? gaveUp = OutboxBackoff.GivesUp(attempt.EventCreatedAt.UtcDateTime, next) ? now : null;
        await using var db = store.CreateContext();
        await db.WebhookDeliveries.Where(x => x.Id == attempt.Id && x.DeliveredAt == null && x.ClaimedBy == owner).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Attempts, failures)
            .SetProperty(x => x.LastAttemptAt, now)
            .SetProperty(x => x.LastStatusCode, status)
            .SetProperty(x => x.LastError, error.Length > 4000 ? error[..4000] : error)
            .SetProperty(x => x.NextAttemptAt, next)
            .SetProperty(x => x.GaveUpAt, gaveUp)
            .SetProperty(x => x.LeaseUntil, (DateTime?)null), ct);
    }

    /// <summary>Gives back claims a stopping sender will not post, so another process posts them now instead of when the lease runs out.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<long> ids, string owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
            return;
        await using var db = store.CreateContext();
        await db.WebhookDeliveries.Where(x => ids.Contains(x.Id) && x.DeliveredAt == null && x.ClaimedBy == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseUntil, (DateTime?)null), ct);
    }
}
