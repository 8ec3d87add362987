using Microsoft.EntityFrameworkCore;
using Purser.Engine.Credits;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Notifications;

/// <summary>
/// The outbox's side of sending e-mail across any number of server processes. A sender claims due
/// messages with a lease (a conditional update only one process can win), sends them, and marks
/// each sent or failed. A process that dies after sending and before marking leaves the lease to
/// run out; the message is then sent again with the same Message-ID, which the receiver drops. A message given up
/// (<see cref="OutboxBackoff"/>) is claimed again only after an operator's retry.
/// </summary>
public sealed class OutboxDelivery(PurserStore store, TimeProvider clock)
{
    /// <summary>How long a claim keeps other senders off a message: far longer than one SMTP conversation.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private const int Batch = 50;

    public async Task<IReadOnlyList<OutboxLetter>> ClaimDueAsync(string owner, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = store.CreateContext();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.Channel == OutboxChannel.Email && m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(Batch).ToListAsync(ct);
        var claimed = new List<OutboxLetter>();
        foreach (var m in due)
        {
            // Another sender may have claimed it since the read: the condition is checked again by the update itself.
            var won = await db.Outbox
                .Where(x => x.Id == m.Id && x.SentAt == null && x.GaveUpAt == null && (x.LeaseUntil == null || x.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedBy, owner).SetProperty(x => x.LeaseUntil, now + Lease), ct);
            if (won == 1)
                claimed.Add(new OutboxLetter(m.Id, m.MessageId, m.Kind, m.Recipient, m.Subject, m.Body, m.HtmlBody, m.Attempts, LedgerMapping.Utc(m.CreatedAt), m.AttachedInvoiceId));
        }
        return claimed;
    }

    /// <summary>E-mail still to be sent, due or waiting out a backoff (not given up): one count over the (SentAt, NextAttemptAt) index.</summary>
    public async Task<int> BacklogAsync(CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await db.Outbox.CountAsync(m => m.SentAt == null && m.GaveUpAt == null && m.Channel == OutboxChannel.Email, ct);
    }

    public async Task SentAsync(OutboxLetter letter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = store.CreateContext();
        await db.Outbox.Where(x => x.Id == letter.Id && x.SentAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.SentAt, now)
            .SetProperty(x => x.Attempts, letter.Attempts + 1)
            .SetProperty(x => x.LeaseUntil, (DateTime?)null), ct);
    }

    /// <summary>
    /// Records a failed attempt and when the next one is due, or gives the message up: when the server refused it for good
    /// (a mailbox that does not exist) or once retries ran out. A sender that lost its lease meanwhile changes nothing.
    /// </summary>
    public async Task FailedAsync(OutboxLetter letter, string owner, string error, bool refusedForGood, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(error);
        var now = clock.GetUtcNow().UtcDateTime;
        var failures = letter.Attempts + 1;
        var next = now + OutboxBackoff.After(failures);
        DateTime? gaveUp = refusedForGood || OutboxBackoff.GivesUp(letter.CreatedAt.UtcDateTime, next) ? now : null;
        await using var db = store.CreateContext();
        await db.Outbox.Where(x => x.Id == letter.Id && x.SentAt == null && x.ClaimedBy == owner).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Attempts, failures)
            .SetProperty(x => x.NextAttemptAt, next)
            .SetProperty(x => x.GaveUpAt, gaveUp)
            .SetProperty(x => x.LastError, error.Length > 4000 ? error[..4000] : error)
            .SetProperty(x => x.LeaseUntil, (DateTime?)null), ct);
    }

    /// <summary>Gives back claims a stopping sender will not send, so another process sends them now instead of when the lease runs out.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<long> ids, string owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
            return;
        await using var db = store.CreateContext();
        await db.Outbox.Where(x => ids.Contains(x.Id) && x.SentAt == null && x.ClaimedBy == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseUntil, (DateTime?)null), ct);
    }
}
