namespace Purser.Engine.Storage.Entities;

public sealed class Subscription
{
    public Guid Id { get; set; }
    public Guid BillingAccountId { get; set; }
    public Guid BillingProfileId { get; set; }
    public required string DisplayName { get; set; }
    public required string OfferType { get; set; }
    public string State { get; set; } = "Active";
    public required string OrderId { get; set; }
    public string? PartnerId { get; set; }
    public Guid? ServiceAdministratorId { get; set; }
    public bool NeedsReconfiguration { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime StateChangedAt { get; set; }

    /// <summary>License-based subscriptions: the monthly price per seat and the catalog item sold.</summary>
    public Guid? LicenseMeterId { get; set; }
    public DateOnly? CancelledEffective { get; set; }
}
