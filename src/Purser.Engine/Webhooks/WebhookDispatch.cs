using Microsoft.EntityFrameworkCore;
using Purser.Engine.Credits;
using Purser.Engine.Notifications;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Webhooks;

/// <summary>
/// The outbox's side of webhooks across any number of server processes. Fanning out turns each new event row into one
/// delivery per endpoint that takes its type (the row is marked fanned out in the same transaction, by a conditional
/// update only one process wins); sending claims due deliveries with a lease, as e-mail is claimed. A process that dies
/// after the receiver got a request and before marking it leaves the lease to run out; the event is then sent again
/// with the same id, which a receiver that honours the id drops.
/// </summary>
public sealed class WebhookDispatch(PurserStore store, TimeProvider clock)
{
    private const int Batch = 100;

    /// <summary>Fans out the events written since the last pass; returns how many deliveries it owed.</summary>
    public async Task<int> FanOutAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = store.CreateContext();
        var events = await db.Outbox.AsNoTracking()
            .Where(m => m.Channel == OutboxChannel.Event && m.SentAt == null).OrderBy(m => m.Id).Take(Batch).ToListAsync(ct);
        if (events.Count == 0)
            return 0;
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.RemovedAt == null).ToListAsync(ct);
        var owed = 0;
        foreach (var m in events)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await db.Outbox.Where(x => x.Id == m.Id && x.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.SentAt, now), ct) != 1)
                continue;
            // An endpoint hears of what happens from its registration on, not of the history before it.
            foreach (var e in endpoints.Where(e => e.CreatedAt <= m.CreatedAt && Takes(e, m.Kind)))
            {
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    EndpointId = e.Id, OutboxMessageId = m.Id, EventId = m.MessageId, EventType = m.Kind, CreatedAt = m.CreatedAt, NextAttemptAt = now,
                });
                owed++;
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
        return owed;
    }

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

    /// <summary>Records a failed attempt and the next one's time, or gives up once the event is older than <see cref="WebhookRetries.GiveUpAfter"/>.</summary>
    public async Task FailedAsync(WebhookAttempt attempt, string owner, int? status, string error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(error);
        var now = clock.GetUtcNow().UtcDateTime;
        var failures = attempt.Attempts + 1;
        var next = now + OutboxBackoff.After(failures);
        DateTime? gaveUp = next > attempt.EventCreatedAt.UtcDateTime + WebhookRetries.GiveUpAfter ? now : null;
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

    private static bool Takes(WebhookEndpoint e, string type) =>
        WebhookCommands.Types(e).Any(t => t == WebhookEventTypes.Every || t == type);
}
