namespace Purser.Engine.Storage.Entities;

/// <summary>How something is paid: a top-up (which becomes a credit lot) or an invoice settlement.</summary>
internal sealed class Payment
{
    public Guid Id { get; set; }
    public Guid BillingAccountId { get; set; }
    public Guid BillingProfileId { get; set; }
    public Guid? SubscriptionId { get; set; }
    public Guid? InvoiceId { get; set; }
    public Guid? LotId { get; set; }
    public required string Currency { get; set; }
    public decimal Amount { get; set; }
    public required string Method { get; set; }
    public required string IdempotencyKey { get; set; }
    public DateTime ReceivedAt { get; set; }
}
