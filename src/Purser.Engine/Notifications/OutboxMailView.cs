namespace Purser.Engine.Notifications;

/// <summary>One e-mail of the outbox as an operator reads it: what it is, to whom, and how its delivery stands.</summary>
public sealed record OutboxMailView(
    Guid MessageId, Guid? BillingAccountId, string Kind, string Recipient, string Subject, DateTimeOffset CreatedAt, DeliveryStatus Status,
    int Attempts, string? LastError, DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? GaveUpAt);
