namespace Purser.Engine.Storage.Entities;

/// <summary>A raw usage report; (BillingAccountId, Source, EventId) is its idempotency key.</summary>
internal sealed class UsageEvent
{
    public long Id { get; set; }
    public Guid BillingAccountId { get; set; }
    public required string Source { get; set; }
    public required string EventId { get; set; }
    public Guid SubscriptionId { get; set; }
    public Guid MeterId { get; set; }
    public decimal Quantity { get; set; }
    public DateTime Timestamp { get; set; }
    public string? ResourceId { get; set; }
    public string? Tags { get; set; }
    public DateTime ReceivedAt { get; set; }
}
