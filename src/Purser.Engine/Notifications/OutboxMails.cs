using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Notifications;

/// <summary>The outbox row of one e-mail to one account administrator, and writing it once by its key.</summary>
internal static class OutboxMails
{
    public static OutboxMessage Email(Guid billingAccountId, string kind, ReminderRecipient to, MailContent mail, string onceKey, DateTimeOffset now) => new()
    {
        BillingAccountId = billingAccountId,
        MessageId = Guid.NewGuid(),
        Channel = OutboxChannel.Email,
        Kind = kind,
        Recipient = to.Email,
        Subject = mail.Subject,
        Body = mail.Text,
        HtmlBody = mail.Html,
        OnceKey = onceKey,
        CreatedAt = now.UtcDateTime,
        NextAttemptAt = now.UtcDateTime,
    };

    /// <summary>Saves the message on its own; false when its once-key is already written (another pass or server wrote it first).</summary>
    public static async Task<bool> WriteOnceAsync(PurserDbContext db, OutboxMessage message, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.Outbox.Add(message);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return false;
        }
    }
}
