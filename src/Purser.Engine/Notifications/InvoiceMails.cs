using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Purser.Core.Monetary;
using Purser.Engine.Billing;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Notifications;

/// <summary>
/// An issued invoice, told to each account administrator from its <c>InvoiceIssued</c> event when it is fanned out, with
/// the invoice's PDF attached when the mail is sent. This is the invoice e-mail the billing profile's opt-in
/// (InvoiceEmailOptIn) is about: a profile that takes none gets none.
/// </summary>
internal static class InvoiceMails
{
    public const string Kind = "InvoiceIssuedNotice";

    public static async Task<int> WriteAsync(PurserDbContext db, OutboxMessage ev, IMailComposer composer, DateTimeOffset now, CancellationToken ct)
    {
        if (ev.Kind != Webhooks.WebhookEventTypes.InvoiceIssued || InvoiceIssuedData.Parse(ev.Data) is not { } data)
            return 0;
        if (await db.BillingProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == data.BillingProfileId, ct) is not { InvoiceEmailOptIn: true } profile)
            return 0;
        var currency = Currency.Parse(data.Currency);
        var written = 0;
        foreach (var to in await AccountAdministrators.OfAsync(db, profile.BillingAccountId, ct))
        {
            var notice = new InvoiceIssuedNotice(profile.DisplayName, data.InvoiceNumber, data.PeriodStart, data.PeriodEnd, data.DueDate,
                new Money(data.SubTotal, currency), new Money(data.CreditApplied, currency), new Money(data.AmountDue, currency), to);
            var message = OutboxMails.Email(profile.BillingAccountId, Kind, to, composer.InvoiceIssued(notice),
                string.Create(CultureInfo.InvariantCulture, $"invoice:{ev.MessageId:N}:{to.UserId:N}"), now);
            message.AttachedInvoiceId = data.InvoiceId;
            db.Outbox.Add(message);
            written++;
        }
        return written;
    }
}

/// <summary>What an invoice e-mail tells one administrator: the invoice's number, period (local days), totals and due day.</summary>
public sealed record InvoiceIssuedNotice(
    string ProfileName, string InvoiceNumber, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate, Money SubTotal, Money CreditApplied, Money AmountDue,
    ReminderRecipient Recipient);
