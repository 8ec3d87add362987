using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Engine.Accounts;
using Purser.Engine.Credits;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Notifications;

/// <summary>The operator's view of the e-mail outbox: what waits, what went, what was given up, and sending one again.</summary>
public sealed class OutboxMailCommands(PurserStore store, TimeProvider clock)
{
    public const int MaxListed = 1000;

    /// <summary>E-mail of the outbox, newest first; <paramref name="status"/> names one of <see cref="DeliveryStatus"/>'s members.</summary>
    public async Task<Outcome<IReadOnlyList<OutboxMailView>>> ListAsync(string? status, int? top, CancellationToken ct)
    {
        if (top is < 1 or > MaxListed)
            return new Refusal(RefusalCode.InvalidField, $"'top' must be between 1 and {MaxListed}.", "top");
        var wanted = InputRules.Named<DeliveryStatus>(status);
        if (status is not null && wanted is null)
            return new Refusal(RefusalCode.InvalidField, $"'status' must be one of: {string.Join(", ", Enum.GetNames<DeliveryStatus>())}.", "status");
        await using var db = store.CreateContext();
        var mail = db.Outbox.AsNoTracking().Where(m => m.Channel == OutboxChannel.Email);
        mail = wanted switch
        {
            DeliveryStatus.Delivered => mail.Where(m => m.SentAt != null),
            DeliveryStatus.GaveUp => mail.Where(m => m.SentAt == null && m.GaveUpAt != null),
            DeliveryStatus.Pending => mail.Where(m => m.SentAt == null && m.GaveUpAt == null),
            _ => mail,
        };
        var rows = await mail.OrderByDescending(m => m.Id).Take(top ?? 100).ToListAsync(ct);
        return Outcome<IReadOnlyList<OutboxMailView>>.Accept([.. rows.Select(View)]);
    }

    /// <summary>
    /// Sends the e-mail again now, with the same Message-ID: one given up (after the mailbox or the server was fixed) or one
    /// already sent (a recipient that lost it). One still pending is only brought forward; its sender's lease, if any, stands.
    /// </summary>
    public async Task<Outcome<OutboxMailView>> RetryAsync(Guid messageId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        if (await db.Outbox.FirstOrDefaultAsync(m => m.MessageId == messageId && m.Channel == OutboxChannel.Email, ct) is not { } row)
            return InputRules.NotFound("E-mail", "messageId", messageId);
        var now = clock.GetUtcNow().UtcDateTime;
        if (row.SentAt is not null || row.GaveUpAt is not null)
        {
            row.SentAt = null;
            row.GaveUpAt = null;
            row.LeaseUntil = null;
            row.ClaimedBy = null;
        }
        if (row.NextAttemptAt > now)
            row.NextAttemptAt = now;
        await db.SaveChangesAsync(ct);
        return View(row);
    }

    private static OutboxMailView View(OutboxMessage m) => new(
        m.MessageId, m.BillingAccountId, m.Kind, m.Recipient, m.Subject, LedgerMapping.Utc(m.CreatedAt),
        DeliveryStatuses.Of(m.SentAt, m.GaveUpAt),
        m.Attempts, m.LastError, m.SentAt is { } sent ? LedgerMapping.Utc(sent) : null,
        m.SentAt is null && m.GaveUpAt is null ? LedgerMapping.Utc(m.NextAttemptAt) : null,
        m.GaveUpAt is { } gave ? LedgerMapping.Utc(gave) : null);
}
