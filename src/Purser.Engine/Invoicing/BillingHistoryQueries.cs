using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Invoicing;

/// <summary>
/// Billing history (R-DOWNLOAD): the line items of a scope's invoices dated within a range,
/// oldest invoice first, streamed as they are read. A subscription scope keeps only its own lines.
/// </summary>
public sealed class BillingHistoryQueries(PurserStore store)
{
    public async IAsyncEnumerable<BillingHistoryLine> StreamAsync(Guid accountId, Guid? profileId, Guid? subscriptionId, DateOnly from, DateOnly to,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var names = await db.Subscriptions.AsNoTracking().Where(s => s.BillingAccountId == accountId)
            .Select(s => new { s.Id, s.DisplayName }).ToDictionaryAsync(s => s.Id, s => s.DisplayName, ct);
        var invoices = db.Invoices.Where(i => i.BillingAccountId == accountId && i.InvoiceDate >= from && i.InvoiceDate <= to);
        if (profileId is { } profile)
            invoices = invoices.Where(i => i.BillingProfileId == profile);
        var lines = db.InvoiceLineItems.Where(l => l.BillingAccountId == accountId);
        if (subscriptionId is { } subscription)
            lines = lines.Where(l => l.SubscriptionId == subscription);
        var rows = from i in invoices
                   join l in lines on i.Id equals l.InvoiceId
                   orderby i.InvoiceDate, i.InvoiceNumber, l.Id
                   select new { i.InvoiceNumber, i.InvoiceDate, i.PeriodStart, i.PeriodEnd, Line = l };
        await foreach (var r in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var l = r.Line;
            yield return new BillingHistoryLine(r.InvoiceNumber, r.InvoiceDate, r.PeriodStart, r.PeriodEnd, l.SubscriptionId,
                l.SubscriptionId is { } id ? names.GetValueOrDefault(id) : null, l.Description, l.ChargeType, l.StartDate, l.EndDate,
                l.UnitPrice, l.Quantity, l.Amount, l.CreditApplied, l.Currency);
        }
    }
}
