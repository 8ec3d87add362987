using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Purser.Engine;
using Purser.Engine.Notifications;
using Purser.Server.Tests.Notifications;
using Purser.Testing;

namespace Purser.Server.Tests.Reliability;

/// <summary>
/// Issue 12 with a real process: a <c>purser serve</c> SIGKILLed while a webhook receiver holds its request — the receiver has
/// acted on the event, the sender never heard back, so the delivery is sent and not marked. A new process sends it again once
/// the dead one's lease is over, under the same event id, which the receiver drops; every event arrives.
/// </summary>
public sealed class WebhookKillTests : IDisposable
{
    private static readonly string[] EveryType = ["*"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    // Each webhook pass runs every 10 s of the process's real clock: a few passes' worth, for a loaded machine.
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(45);
    private readonly string _workDir = Directory.CreateTempSubdirectory("purser-webhook-kill-").FullName;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_server_killed_between_send_and_mark_causes_no_second_action_at_a_receiver_honouring_the_id_and_loses_nothing(StorageEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var token = await PurserApi.OperatorTokenAsync(db);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var (first, address) = await PurserProcess.ServeAsync(_workDir, db.ConnectionString, StartTimeout);
        await using (first)
        {
            using var op = PurserApi.Client(address, token);
            var f = await UsageFixture.CreateAsync(op);
            await PurserApi.CreatedAsync(op, "/ops/webhooks", new { url = receiver.Url, eventTypes = EveryType });
            // Subscriptions recorded with a start a month ago (the real clock's): one SubscriptionBackdated event each.
            var startDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30));
            foreach (var name in new[] { "Migrated 1", "Migrated 2", "Migrated 3" })
                await PurserApi.CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = f.ProfileId, displayName = name, offerType = "PayAsYouGo", startDate });

            Assert.True(await receiver.Arrivals.WaitAsync(DeliveryTimeout), $"no delivery reached the receiver:\n{first.Output}");
            first.Kill();
        }
        var held = Assert.Single(receiver.Requests);
        Assert.Equal([held.EventId], receiver.Events.Select(e => e.EventId));
        receiver.Gate.SetResult();
        receiver.Gate = null;

        await using (var context = db.Store.CreateContext())
        {
            // The send happened and the mark did not: the delivery is still owed, under the dead process's lease.
            var unmarked = await context.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.EventId == Guid.Parse(held.EventId));
            Assert.Equal((0, null), (unmarked.Attempts, unmarked.DeliveredAt));
            Assert.True(unmarked.LeaseUntil > DateTime.UtcNow, $"lease until {unmarked.LeaseUntil:O}");
            // The lease is WebhookRetries.Lease (2 minutes) of real time; moving every live lease's end into the past stands for
            // those minutes passing, without the test waiting them out.
            await context.WebhookDeliveries.Where(d => d.DeliveredAt == null && d.LeaseUntil != null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, DateTime.UtcNow.AddSeconds(-1)));
        }

        var (second, _) = await PurserProcess.ServeAsync(_workDir, db.ConnectionString, StartTimeout);
        await using (second)
        {
            var events = await WaitUntilDeliveredAsync(db, second);
            Assert.Equal(3, events.Count);
            Assert.Equal(events.Order(), receiver.Events.Select(e => Guid.Parse(e.EventId)).Order());
        }

        // The held event came twice, with the same id and body, and was acted on once; every other one came once.
        var byId = receiver.Requests.GroupBy(r => r.EventId).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(2, byId[held.EventId].Count);
        Assert.Single(byId[held.EventId].Select(r => r.Body).Distinct());
        Assert.All(byId.Where(g => g.Key != held.EventId), g => Assert.Single(g.Value));
        Assert.Equal(byId.Count, receiver.Events.Count);
    }

    /// <summary>Polls until every event is fanned out and every delivery is marked delivered; returns the events' ids.</summary>
    private static async Task<List<Guid>> WaitUntilDeliveredAsync(TestDatabase db, PurserProcess server)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using (var context = db.Store.CreateContext())
            {
                var events = await context.Outbox.AsNoTracking().Where(m => m.Channel == OutboxChannel.Event).ToListAsync();
                var deliveries = await context.WebhookDeliveries.AsNoTracking().ToListAsync();
                if (events.All(e => e.SentAt != null) && deliveries.Count == events.Count && deliveries.All(d => d.DeliveredAt != null))
                    return [.. events.Select(e => e.MessageId)];
                Assert.True(waited.Elapsed < DeliveryTimeout,
                    $"after {waited.Elapsed}: {events.Count(e => e.SentAt == null)} events not fanned out, {deliveries.Count(d => d.DeliveredAt == null)} of {deliveries.Count} deliveries owed:\n{server.Output}");
            }
            await Task.Delay(250);
        }
    }

    public void Dispose() => Directory.Delete(_workDir, recursive: true);
}
