using Purser.Engine.Notifications;

namespace Purser.Engine.Webhooks;

/// <summary>
/// How a webhook attempt is bounded; when a failed one is tried again, and when given up, is the outbox's one policy
/// (<see cref="OutboxBackoff"/>).
/// </summary>
public static class WebhookRetries
{
    /// <summary>How long a claim keeps other senders off a delivery: far longer than one request's timeout.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>How long a receiver may take to answer before the attempt counts as failed.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);
}
