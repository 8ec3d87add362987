using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Purser.Core.Invoicing;
using Purser.Engine.Storage;

namespace Purser.Engine.Invoicing;

/// <summary>One row of a partner's reconciliation file (R-RECON): one invoice line item of one of its customers' subscriptions.</summary>
public sealed record ReconciliationRow(string PartnerId, string Customer, Guid SubscriptionId, string OrderId, string Offer, ChargeType ChargeType,
    ChargeType? Corrects, decimal UnitPrice, decimal Quantity, DateOnly ChargeStart, DateOnly ChargeEnd, decimal Amount, string Currency, string InvoiceNumber);

/// <summary>
/// The reconciliation file of a partner and a billing cycle: every line item, on the invoices of
/// the periods that start in that month, of subscriptions the partner sold when the line was billed
/// (the line keeps its partner, so a later change of partner does not move history). Summed per
/// invoice, the rows equal that invoice's partner lines to the cent.
/// </summary>
public sealed class ReconciliationQueries(PurserStore store)
{
    public async IAsyncEnumerable<ReconciliationRow> StreamAsync(string partnerId, int year, int month, [EnumeratorCancellation] CancellationToken ct)
    {
        var firstDay = new DateOnly(year, month, 1);
        var until = firstDay.AddMonths(1);
        await using var db = store.CreateContext();
        var rows = from l in db.InvoiceLineItems
                   join i in db.Invoices on l.InvoiceId equals i.Id
                   join s in db.Subscriptions on l.SubscriptionId equals (Guid?)s.Id
                   join a in db.BillingAccounts on i.BillingAccountId equals a.Id
                   join c in db.Charges on l.ChargeId equals (Guid?)c.Id into charges
                   from c in charges.DefaultIfEmpty()
                   join m in db.Meters on c.MeterId equals (Guid?)m.Id into meters
                   from m in meters.DefaultIfEmpty()
                   where l.PartnerId == partnerId && i.PeriodStart >= firstDay && i.PeriodStart < until
                   orderby i.InvoiceNumber, l.Id
                   select new { Customer = a.DisplayName, s.Id, s.OrderId, Product = m != null ? m.Name : null, s.OfferType, Line = l, i.InvoiceNumber };
        await foreach (var r in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var l = r.Line;
            yield return new ReconciliationRow(partnerId, r.Customer, r.Id, r.OrderId, r.Product ?? r.OfferType.ToString(), l.ChargeType,
                l.Corrects, l.UnitPrice, l.Quantity, l.StartDate, l.EndDate, l.Amount, l.Currency, r.InvoiceNumber);
        }
    }

    public async Task<bool> PartnerExistsAsync(string partnerId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await db.Partners.AnyAsync(p => p.Id == partnerId, ct);
    }
}
