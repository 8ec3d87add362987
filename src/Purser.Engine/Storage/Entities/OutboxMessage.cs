namespace Purser.Engine.Storage.Entities;

/// <summary>An e-mail or event written in the same transaction as the change it announces.</summary>
internal sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid? BillingAccountId { get; set; }
    public required string Kind { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
