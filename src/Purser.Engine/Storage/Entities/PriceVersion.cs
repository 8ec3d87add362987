namespace Purser.Engine.Storage.Entities;

/// <summary>A meter's price from an effective date on, with when it was announced (R-PRICE-UP).</summary>
internal sealed class PriceVersion
{
    public long Id { get; set; }
    public Guid MeterId { get; set; }
    public required string Currency { get; set; }
    public decimal UnitPrice { get; set; }
    public DateTime EffectiveFrom { get; set; }
    public DateTime AnnouncedAt { get; set; }
}
