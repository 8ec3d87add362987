namespace Purser.Engine.Storage.Entities;

/// <summary>One step of a license-based subscription's seat timeline.</summary>
internal sealed class SeatChange
{
    public long Id { get; set; }
    public Guid BillingAccountId { get; set; }
    public Guid SubscriptionId { get; set; }
    public DateOnly EffectiveDate { get; set; }
    public int Seats { get; set; }
    public DateTime RecordedAt { get; set; }
}
