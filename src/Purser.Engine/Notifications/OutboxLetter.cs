namespace Purser.Engine.Notifications;

/// <summary>
/// An e-mail of the outbox claimed for sending: everything a transport needs, and the attempts made so far.
/// <paramref name="AttachedInvoiceId"/> names the invoice whose PDF the sender attaches.
/// </summary>
public sealed record OutboxLetter(long Id, Guid MessageId, string Kind, string Recipient, string Subject, string Text, string? Html,
    int Attempts, DateTimeOffset CreatedAt, Guid? AttachedInvoiceId = null);
