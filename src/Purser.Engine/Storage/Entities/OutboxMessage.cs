using Purser.Engine.Notifications;

namespace Purser.Engine.Storage.Entities;

/// <summary>
/// An e-mail or event written in the same transaction as the change it announces. A sender claims
/// it with a lease (so one of many server processes sends it), and a failed attempt moves
/// <see cref="NextAttemptAt"/> out by an exponential backoff.
/// </summary>
internal sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid? BillingAccountId { get; set; }

    /// <summary>Stable across every attempt: the e-mail's Message-ID, so a receiver can drop a second copy.</summary>
    public Guid MessageId { get; set; }
    public OutboxChannel Channel { get; set; } = OutboxChannel.Event;
    public required string Kind { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }

    /// <summary>The plain-text body (an e-mail's text part).</summary>
    public required string Body { get; set; }
    public string? HtmlBody { get; set; }

    /// <summary>An event's facts as JSON (a lifecycle transition's subscription, states, reason, deletion date); null for e-mail.</summary>
    public string? Data { get; set; }

    /// <summary>The invoice whose PDF an e-mail carries, rendered when it is sent; null for a mail without one.</summary>
    public Guid? AttachedInvoiceId { get; set; }

    /// <summary>What makes a message once-only, e.g. one weekly reminder per (profile, recipient, Monday); null when nothing does.</summary>
    public string? OnceKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Set when an e-mail's retries ran out (<see cref="OutboxBackoff.GiveUpAfter"/>) or its server refused it for good; a retry clears it.</summary>
    public DateTime? GaveUpAt { get; set; }
}
