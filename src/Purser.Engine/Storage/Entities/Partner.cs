namespace Purser.Engine.Storage.Entities;

/// <summary>A reseller (CSP), known by its partner id.</summary>
internal sealed class Partner
{
    public required string Id { get; set; }
    public required string CompanyName { get; set; }
    public int BillingDay { get; set; } = 1;
    public DateTime CreatedAt { get; set; }
}
