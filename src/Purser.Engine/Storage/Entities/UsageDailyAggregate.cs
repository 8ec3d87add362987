namespace Purser.Engine.Storage.Entities;

/// <summary>
/// Usage summed per (subscription, meter, day) in the billing profile's time zone. Rating keeps
/// what it has charged for the day in <see cref="RatedAmount"/> and charges only the difference,
/// so late usage is priced without re-rounding what was already billed.
/// </summary>
internal sealed class UsageDailyAggregate
{
    public Guid BillingAccountId { get; set; }
    public Guid SubscriptionId { get; set; }
    public Guid MeterId { get; set; }
    public DateOnly UsageDate { get; set; }
    public decimal Quantity { get; set; }
    public decimal RatedQuantity { get; set; }
    public decimal RatedAmount { get; set; }
    public DateTime UpdatedAt { get; set; }
}
