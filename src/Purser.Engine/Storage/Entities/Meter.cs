namespace Purser.Engine.Storage.Entities;

/// <summary>A catalog product or meter; credit-ineligible ones are always charged in full (R-CE).</summary>
internal sealed class Meter
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Category { get; set; }
    public string? SubCategory { get; set; }
    public required string Unit { get; set; }
    public bool CreditEligible { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}
