namespace Purser.Engine.Storage.Entities;

/// <summary>A Consumption budget at an ARM scope; its notifications are kept as the JSON the client sent.</summary>
internal sealed class Budget
{
    public Guid Id { get; set; }
    public Guid BillingAccountId { get; set; }
    public required string Scope { get; set; }
    public required string Name { get; set; }
    public string Category { get; set; } = "Cost";
    public decimal Amount { get; set; }
    public required string TimeGrain { get; set; }
    public DateTime StartDate { get; set; }
    public DateTime? EndDate { get; set; }
    public string? Notifications { get; set; }
    public string ETag { get; set; } = "";
}
