using Microsoft.EntityFrameworkCore;
using Purser.Engine.Accounts;
using Purser.Engine.Storage;

namespace Purser.Engine.Invoicing;

/// <summary>The line items of one issued invoice, in the order its close billed them: page by page, or all of them for its document.</summary>
public sealed class InvoiceLineQueries(PurserStore store)
{
    /// <summary>The invoice's lines from <paramref name="offset"/>, at most <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<InvoiceLineRecord>> PageAsync(InvoiceRecord invoice, int offset, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        await using var db = store.CreateContext();
        return await Lines(db, invoice.BillingAccountId, invoice.Id).Skip(offset).Take(count).ToListAsync(ct);
    }

    /// <summary>The lines of the invoice that <paramref name="partnerId"/> sold (its rows of the reconciliation file), in billing order.</summary>
    public async Task<IReadOnlyList<InvoiceLineRecord>> OfPartnerAsync(Guid billingAccountId, Guid invoiceId, string partnerId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await Lines(db, billingAccountId, invoiceId, partnerId).ToListAsync(ct);
    }

    /// <summary>Everything the invoice's PDF shows: its lines, and the bill-to of its profile (the company named there, else the account).</summary>
    public async Task<InvoicePrint> PrintAsync(InvoiceRecord invoice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        await using var db = store.CreateContext();
        var lines = await Lines(db, invoice.BillingAccountId, invoice.Id).ToListAsync(ct);
        var addressee = await (from p in db.BillingProfiles
                               join a in db.BillingAccounts on p.BillingAccountId equals a.Id
                               where p.Id == invoice.BillingProfileId
                               select new { Profile = p, Account = a.DisplayName }).AsNoTracking().SingleAsync(ct);
        var billTo = addressee.Profile.BillTo;
        return new InvoicePrint(invoice, lines, addressee.Profile.Language,
            string.IsNullOrWhiteSpace(billTo.CompanyName) ? addressee.Account : billTo.CompanyName, AccountQueries.ToRecord(billTo));
    }

    private static IQueryable<InvoiceLineRecord> Lines(PurserDbContext db, Guid billingAccountId, Guid invoiceId, string? partnerId = null) =>
        from l in db.InvoiceLineItems.AsNoTracking()
        where l.BillingAccountId == billingAccountId && l.InvoiceId == invoiceId && (partnerId == null || l.PartnerId == partnerId)
        join s in db.Subscriptions on l.SubscriptionId equals (Guid?)s.Id into subscriptions
        from s in subscriptions.DefaultIfEmpty()
        join c in db.Charges on l.ChargeId equals (Guid?)c.Id into charges
        from c in charges.DefaultIfEmpty()
        join m in db.Meters on c.MeterId equals (Guid?)m.Id into meters
        from m in meters.DefaultIfEmpty()
        orderby l.Id
        select new InvoiceLineRecord(l.Id, l.ChargeType, l.Corrects, l.Description, l.SubscriptionId, s.DisplayName,
            (Guid?)m.Id, m.Name, m.Category, m.Unit, l.UnitPrice, l.Quantity, l.Amount, l.CreditApplied, l.StartDate, l.EndDate);
}
