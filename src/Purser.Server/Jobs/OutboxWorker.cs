using Purser.Engine.Notifications;
using Purser.Engine.Telemetry;
using Purser.Server.Notifications;

namespace Purser.Server.Jobs;

/// <summary>
/// Sends the outbox's due e-mail every few seconds (on the injected clock). Every server process
/// runs one; the outbox's leases make each message go out from one of them at a time.
/// </summary>
internal sealed partial class OutboxWorker(OutboxDelivery outbox, IMailTransport transport, MailSettings settings, MailAttachments attachments, UnsubscribeLinks unsubscribe, PurserMetrics metrics, TimeProvider clock,
    ILogger<OutboxWorker> log) : PollingWorker(clock, log)
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(10);

    protected override Task PassAsync(CancellationToken ct) => SendDueAsync(ct);

    /// <summary>
    /// Claims and sends what is due now, then counts what is left for the backlog gauge; returns how many were sent and how many
    /// failed (retried after their backoff, or given up).
    /// </summary>
    public async Task<(int Sent, int Failed)> SendDueAsync(CancellationToken ct)
    {
        using var span = JobTracing.Start("outbox-send");
        var (sent, failed) = (0, 0);
        await ClaimedBatch.EachAsync(await outbox.ClaimDueAsync(_owner, ct), async letter =>
        {
            var message = OutboxMail.Build(letter, settings, await attachments.ForAsync(letter, ct), unsubscribe);
            try
            {
                await transport.SendAsync(message, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                failed++;
                await outbox.FailedAsync(letter, _owner, $"{ex.GetType().Name}: {ex.Message}", ex is MailRefusedException, CancellationToken.None);
                LogFailure(Log, letter.MessageId, letter.Attempts + 1, ex.Message);
                return;
            }
            sent++;
            await outbox.SentAsync(letter, CancellationToken.None);
        }, rest => outbox.ReleaseAsync([.. rest.Select(l => l.Id)], _owner, CancellationToken.None), ct);
        metrics.OutboxBacklog(await outbox.BacklogAsync(ct));
        span?.SetTag("purser.outbox.sent", sent);
        span?.SetTag("purser.outbox.failed", failed);
        return (sent, failed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {MessageId} not delivered (attempt {Attempt}); it is retried unless refused for good or three days old: {Reason}")]
    private static partial void LogFailure(ILogger logger, Guid messageId, int attempt, string reason);

}
