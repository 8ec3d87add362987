using Purser.Engine.Notifications;

namespace Purser.Engine.Webhooks;

/// <summary>
/// A failed delivery waits as a failed e-mail does (<see cref="OutboxBackoff"/>: 30 seconds doubling to an hour) and is
/// retried until three days after its event, well past the day a receiver's outage commonly lasts; then it is given up
/// and waits for a manual redelivery.
/// </summary>
public static class WebhookRetries
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(3);

    /// <summary>How long a claim keeps other senders off a delivery: far longer than one request's timeout.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>How long a receiver may take to answer before the attempt counts as failed.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);
}
