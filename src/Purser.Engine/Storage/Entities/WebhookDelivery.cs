namespace Purser.Engine.Storage.Entities;

/// <summary>
/// One outbox event owed to one webhook endpoint, and the log of its attempts. A sender claims it with a lease, as
/// e-mail is claimed; every attempt carries the event's id, so a receiver that drops an id it has seen sees it once.
/// </summary>
internal sealed class WebhookDelivery
{
    public long Id { get; set; }
    public Guid EndpointId { get; set; }
    public long OutboxMessageId { get; set; }
    public Guid EventId { get; set; }
    public required string EventType { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public DateTime? LastAttemptAt { get; set; }

    /// <summary>The receiver's HTTP status on the last attempt; null when none answered (refused, timed out).</summary>
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTime? DeliveredAt { get; set; }

    /// <summary>Set when retries ran out (<see cref="Notifications.OutboxBackoff.GiveUpAfter"/> after the event); a manual redelivery clears it.</summary>
    public DateTime? GaveUpAt { get; set; }
}
