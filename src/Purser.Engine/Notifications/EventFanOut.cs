using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage.Entities;
using Purser.Engine.Webhooks;

namespace Purser.Engine.Notifications;

/// <summary>
/// The one reader of the outbox's events: each new event row becomes, in one transaction, one webhook delivery per
/// endpoint that takes its type and the e-mail notices it calls for (<see cref="LifecycleMails"/>, <see cref="BudgetMails"/>, <see cref="InvoiceMails"/>). The row is marked
/// fanned out (<c>SentAt</c>) by a conditional update in that transaction, which only one process wins, so an event is
/// owed to each endpoint and mailed to each administrator once, however many servers run this.
/// </summary>
public sealed class EventFanOut(PurserStore store, TimeProvider clock, IMailComposer composer)
{
    private const int Batch = 100;

    /// <summary>Fans out the events written since the last pass; returns how many deliveries and e-mails it wrote.</summary>
    public async Task<(int Deliveries, int Mails)> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = store.CreateContext();
        var events = await db.Outbox.AsNoTracking()
            .Where(m => m.Channel == OutboxChannel.Event && m.SentAt == null).OrderBy(m => m.Id).Take(Batch).ToListAsync(ct);
        if (events.Count == 0)
            return (0, 0);
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.RemovedAt == null).ToListAsync(ct);
        var (deliveries, mails) = (0, 0);
        foreach (var m in events)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await db.Outbox.Where(x => x.Id == m.Id && x.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.SentAt, now.UtcDateTime), ct) != 1)
                continue;
            // An endpoint hears of what happens from its registration on, not of the history before it.
            foreach (var e in endpoints.Where(e => e.CreatedAt <= m.CreatedAt && Takes(e, m.Kind)))
            {
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    EndpointId = e.Id, OutboxMessageId = m.Id, EventId = m.MessageId, EventType = m.Kind, CreatedAt = m.CreatedAt, NextAttemptAt = now.UtcDateTime,
                });
                deliveries++;
            }
            mails += await LifecycleMails.WriteAsync(db, m, composer, now, ct) + await BudgetMails.WriteAsync(db, m, composer, now, ct)
                + await InvoiceMails.WriteAsync(db, m, composer, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
        return (deliveries, mails);
    }

    private static bool Takes(WebhookEndpoint e, string type) =>
        WebhookCommands.Types(e).Any(t => t == WebhookEventTypes.Every || t == type);
}
