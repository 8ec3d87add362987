using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Purser.Engine;
using Purser.Engine.Notifications;
using Purser.Engine.Storage.Entities;
using Purser.Engine.Webhooks;
using Purser.Server.Jobs;
using Purser.Server.Notifications;
using Purser.Server.Tests.Notifications;
using Purser.Testing;

namespace Purser.Server.Tests.Hosting;

/// <summary>
/// A sender told to stop mid-batch finishes and marks the letter or post under way, and gives the rest of its claims back,
/// so another process sends them at once rather than after the lease runs out.
/// </summary>
public sealed class SenderShutdownTests
{
    private const int Letters = 3;
    private static readonly string[] EveryType = [WebhookEventTypes.Every];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_e_mail_sender_stopped_mid_batch_marks_the_letter_it_was_sending_and_gives_back_the_rest(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        await api.StopBackgroundWorkAsync();
        await using (var db = api.Database.Store.CreateContext())
        {
            var now = api.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < Letters; i++)
                db.Outbox.Add(new OutboxMessage
                {
                    MessageId = Guid.NewGuid(), Channel = OutboxChannel.Email, Kind = "Test", Recipient = $"r{i}@example.cn",
                    Subject = $"letter {i}", Body = "text", CreatedAt = now, NextAttemptAt = now,
                });
            await db.SaveChangesAsync();
        }
        var transport = new HeldTransport();
        var sender = NoticeMail.Sender(api, transport, new MailSettings(Path.GetTempPath(), "Purser <billing@purser.test>"));
        using var stop = new CancellationTokenSource();

        var pass = sender.SendDueAsync(stop.Token);
        await transport.Sending;
        stop.Cancel();
        transport.Finish();
        try
        {
            await pass;
        }
        catch (OperationCanceledException)
        {
            // The backlog count after the batch may or may not see the stop first; either way the batch is settled.
        }

        await using (var db = api.Database.Store.CreateContext())
        {
            var rows = await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
            Assert.NotNull(rows[0].SentAt);
            Assert.All(rows.Skip(1), m => Assert.Equal((null, null), (m.SentAt, m.LeaseUntil)));
        }
        Assert.Single(transport.Sent);
        var delivery = api.Services.GetRequiredService<OutboxDelivery>();
        Assert.Equal(Letters - 1, (await delivery.ClaimDueAsync("another process", CancellationToken.None)).Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_webhook_sender_stopped_mid_batch_marks_the_post_it_was_making_and_gives_back_the_rest(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        await api.StopBackgroundWorkAsync();
        using var op = api.Operator();
        await PurserApi.CreatedAsync(op, "/ops/webhooks", new { url = "http://127.0.0.1:9/hook", eventTypes = EveryType });
        await using (var db = api.Database.Store.CreateContext())
        {
            var now = api.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < Letters; i++)
                db.Outbox.Add(new OutboxMessage
                {
                    MessageId = Guid.NewGuid(), Kind = WebhookEventTypes.PriceBackdated, Recipient = Guid.NewGuid().ToString(),
                    Subject = $"event {i}", Body = "text", CreatedAt = now, NextAttemptAt = now,
                });
            await db.SaveChangesAsync();
        }
        var receiver = new HeldReceiver();
        var worker = new WebhookWorker(api.Services.GetRequiredService<EventFanOut>(), api.Services.GetRequiredService<WebhookDispatch>(),
            receiver, api.Clock, NullLogger<WebhookWorker>.Instance);
        using var stop = new CancellationTokenSource();

        var pass = worker.RunDueAsync(stop.Token);
        await receiver.Posting;
        stop.Cancel();
        receiver.Finish();
        var (delivered, failed) = await pass;

        Assert.Equal((1, 0), (delivered, failed));
        await using (var db = api.Database.Store.CreateContext())
        {
            var rows = await db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
            Assert.Equal(Letters, rows.Count);
            Assert.Single(rows, d => d.DeliveredAt is not null);
            Assert.All(rows.Where(d => d.DeliveredAt is null), d => Assert.Null(d.LeaseUntil));
        }
        var dispatch = api.Services.GetRequiredService<WebhookDispatch>();
        Assert.Equal(Letters - 1, (await dispatch.ClaimDueAsync("another process", CancellationToken.None)).Count);
    }

    /// <summary>Holds the first letter in the SMTP conversation until the test lets it end; any later one would be recorded too.</summary>
    private sealed class HeldTransport : IMailTransport
    {
        private readonly TaskCompletionSource _sending = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Sending => _sending.Task;

        public List<MimeMessage> Sent { get; } = [];

        public void Finish() => _finish.SetResult();

        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            _sending.TrySetResult();
            await _finish.Task;
            Sent.Add(message);
        }
    }

    /// <summary>A receiver that holds the first post until the test lets it answer 200.</summary>
    private sealed class HeldReceiver : HttpMessageHandler, IHttpClientFactory
    {
        private readonly TaskCompletionSource _posting = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Posting => _posting.Task;

        public void Finish() => _finish.SetResult();

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _posting.TrySetResult();
            await _finish.Task;
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }
    }
}
