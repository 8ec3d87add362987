namespace Purser.Engine.Storage.Entities;

/// <summary>Usage summed per (subscription, meter, day); rating prices the part not yet rated.</summary>
public sealed class UsageDailyAggregate
{
    public Guid BillingAccountId { get; set; }
    public Guid SubscriptionId { get; set; }
    public Guid MeterId { get; set; }
    public DateOnly UsageDate { get; set; }
    public decimal Quantity { get; set; }
    public decimal RatedQuantity { get; set; }
    public DateTime UpdatedAt { get; set; }
}
