namespace Purser.Engine.Storage.Entities;

/// <summary>
/// An operator's receiver of outbox events (R-WEBHOOK). It gets the events of its types that happen from its
/// registration on, each signed with its secret; a removed endpoint keeps its delivery log but gets nothing new.
/// </summary>
internal sealed class WebhookEndpoint
{
    public Guid Id { get; set; }
    public required string Url { get; set; }

    /// <summary>The event types it receives, comma-separated; <c>*</c> for every type.</summary>
    public required string EventTypes { get; set; }

    /// <summary>The HMAC-SHA256 key its deliveries are signed with; shown to the operator once, when the endpoint is registered.</summary>
    public required string Secret { get; set; }
    public string? Description { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RemovedAt { get; set; }
}
