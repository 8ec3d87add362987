using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Purser.Engine.Notifications;
using Purser.Engine.Webhooks;

namespace Purser.Server.Jobs;

/// <summary>
/// Fans the outbox's new events out (webhook deliveries and lifecycle e-mail) and posts the due deliveries, every few
/// seconds on the injected clock. Every server process runs one; the fan-out's conditional update and the deliveries'
/// leases make each event owed once and sent by one process at a time.
/// </summary>
internal sealed partial class WebhookWorker(EventFanOut fanOut, WebhookDispatch dispatch, IHttpClientFactory http, TimeProvider clock, ILogger<WebhookWorker> log) : PollingWorker(clock, log)
{
    /// <summary>The named client deliveries use: no redirects (a receiver that moved must be registered again), a bounded wait.</summary>
    public const string Client = "webhooks";

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(10);

    protected override Task PassAsync(CancellationToken ct) => RunDueAsync(ct);

    /// <summary>One pass: fan out what is new, then post what is due; returns how many were delivered and how many failed.</summary>
    public async Task<(int Delivered, int Failed)> RunDueAsync(CancellationToken ct)
    {
        using var span = JobTracing.Start("webhook-send");
        await fanOut.RunAsync(ct);
        var (delivered, failed) = (0, 0);
        await ClaimedBatch.EachAsync(await dispatch.ClaimDueAsync(_owner, ct), async attempt =>
        {
            int? status = null;
            try
            {
                using var reply = await PostAsync(attempt, CancellationToken.None);
                status = (int)reply.StatusCode;
                if (reply.IsSuccessStatusCode)
                {
                    delivered++;
                    await dispatch.DeliveredAsync(attempt, status.Value, CancellationToken.None);
                    return;
                }
                await FailAsync(attempt, status, $"HTTP {status.Value} {reply.ReasonPhrase}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await FailAsync(attempt, status, ex is TaskCanceledException ? $"No answer within {WebhookRetries.RequestTimeout.TotalSeconds:0} s" : ex.Message);
            }
            failed++;
        }, rest => dispatch.ReleaseAsync([.. rest.Select(a => a.Id)], _owner, CancellationToken.None), ct);
        span?.SetTag("purser.webhook.delivered", delivered);
        span?.SetTag("purser.webhook.failed", failed);
        return (delivered, failed);
    }

    private async Task<HttpResponseMessage> PostAsync(WebhookAttempt attempt, CancellationToken ct)
    {
        var timestamp = Clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, attempt.Url)
        {
            Content = new StringContent(attempt.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSignature.EventIdHeader, attempt.EventId.ToString());
        request.Headers.Add(WebhookSignature.EventTypeHeader, attempt.EventType);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(attempt.Secret, timestamp, attempt.Body));
        return await http.CreateClient(Client).SendAsync(request, ct);
    }

    private async Task FailAsync(WebhookAttempt attempt, int? status, string error)
    {
        await dispatch.FailedAsync(attempt, _owner, status, error, CancellationToken.None);
        LogRetry(Log, attempt.EventId, attempt.Url, attempt.Attempts + 1, error);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook event {EventId} to {Url} not delivered (attempt {Attempt}); it will be retried: {Reason}")]
    private static partial void LogRetry(ILogger logger, Guid eventId, string url, int attempt, string reason);

}
