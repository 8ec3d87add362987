using Microsoft.EntityFrameworkCore;
using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Engine.Credits;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Invoicing;

/// <summary>
/// Invoices of billing profiles (R-INVOICE), newest invoice date first, each with what its payments
/// leave due and its status today on its profile's calendar (<see cref="InvoiceBalance"/>).
/// </summary>
public sealed class InvoiceQueries(PurserStore store, TimeProvider clock)
{
    /// <summary>Invoices of the given profiles whose invoice date lies in <paramref name="dates"/>, from <paramref name="offset"/>, at most <paramref name="count"/>.</summary>
    public async Task<InvoicePage> OfProfilesAsync(IReadOnlyCollection<Guid> profileIds, InvoiceDateRange dates, int offset, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        ArgumentNullException.ThrowIfNull(dates);
        await using var db = store.CreateContext();
        var invoices = db.Invoices.AsNoTracking().Where(i => profileIds.Contains(i.BillingProfileId));
        if (dates.From is { } from)
            invoices = invoices.Where(i => i.InvoiceDate >= from);
        if (dates.To is { } to)
            invoices = invoices.Where(i => i.InvoiceDate <= to);
        var total = await invoices.CountAsync(ct);
        var page = await invoices.OrderByDescending(i => i.InvoiceDate).ThenBy(i => i.InvoiceNumber).Skip(offset).Take(count).ToListAsync(ct);
        return new InvoicePage(await DescribeAsync(db, page, ct), total);
    }

    /// <summary>An invoice of the account by its number (its ARM name).</summary>
    public async Task<InvoiceRecord?> FindAsync(Guid accountId, string invoiceNumber, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.BillingAccountId == accountId && i.InvoiceNumber == invoiceNumber, ct);
        return invoice is null ? null : (await DescribeAsync(db, [invoice], ct)).Single();
    }

    /// <summary>An invoice by its id, whichever account it is of: for the server's own work, never for a caller's request.</summary>
    public async Task<InvoiceRecord?> FindAsync(Guid invoiceId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invoiceId, ct);
        return invoice is null ? null : (await DescribeAsync(db, [invoice], ct)).Single();
    }

    private async Task<IReadOnlyList<InvoiceRecord>> DescribeAsync(PurserDbContext db, List<Invoice> invoices, CancellationToken ct)
    {
        if (invoices.Count == 0)
            return [];
        var ids = invoices.Select(i => i.Id).ToList();
        var numbers = invoices.Select(i => i.InvoiceNumber).ToList();
        var profileIds = invoices.Select(i => i.BillingProfileId).Distinct().ToList();
        var profiles = await (from p in db.BillingProfiles
                              join a in db.BillingAccounts on p.BillingAccountId equals a.Id
                              where profileIds.Contains(p.Id)
                              select new { p.Id, Profile = p.Name, p.DisplayName, p.TimeZone, p.InvoiceDay, Account = a.Name }).AsNoTracking().ToListAsync(ct);
        var names = profiles.ToDictionary(p => p.Id);
        var calendars = profiles.ToDictionary(p => p.Id, p => BillingCalendar.Of(p.TimeZone, p.InvoiceDay));
        var payments = await db.Payments.AsNoTracking().Where(p => p.InvoiceId != null && ids.Contains(p.InvoiceId.Value)).ToListAsync(ct);
        var prepaid = await PrepaymentDrawnAsync(db, numbers, ct);
        var now = clock.GetUtcNow();

        return [.. invoices.Select(i =>
        {
            var profile = names[i.BillingProfileId];
            var received = payments.Where(p => p.InvoiceId == i.Id).OrderBy(p => p.ReceivedAt).ToList();
            var balance = InvoiceBalance.Of(i, received.Sum(p => p.Amount), calendars[i.BillingProfileId], now);
            var fromPrepayment = Math.Min(prepaid.GetValueOrDefault(i.InvoiceNumber), i.CreditApplied);
            return new InvoiceRecord(i.Id, i.InvoiceNumber, i.BillingAccountId, profile.Account, i.BillingProfileId, profile.Profile, profile.DisplayName,
                i.Currency, i.PeriodStart, i.PeriodEnd, i.InvoiceDate, i.DueDate, balance.Status, i.SubTotal, i.TaxAmount, i.TotalAmount,
                balance.Paid, balance.Remaining, fromPrepayment, i.CreditApplied - fromPrepayment, i.PurchaseOrderNumber,
                [.. received.Select(p => new InvoicePaymentRecord(p.Amount, p.Currency, new DateTimeOffset(p.ReceivedAt), p.Method))]);
        })];
    }

    /// <summary>Per invoice number, the credit drawn from purchased (prepayment) lots that the invoice settled.</summary>
    private static async Task<Dictionary<string, decimal>> PrepaymentDrawnAsync(PurserDbContext db, List<string> numbers, CancellationToken ct)
    {
        var settled = await (from e in db.CreditJournal
                             join l in db.CreditLots on e.LotId equals l.Id
                             where e.InvoiceNumber != null && numbers.Contains(e.InvoiceNumber) && e.Kind == EntryKind.ChargeDraw && e.Phase == EntryPhase.Settled
                                   && l.Source == CreditSources.Prepayment
                             select e).AsNoTracking().ToListAsync(ct);
        return settled.GroupBy(e => e.InvoiceNumber!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => CreditCover.Of(g.Select(LedgerMapping.ToCore), Currency.Parse(g.First().Currency)).Amount, StringComparer.Ordinal);
    }
}
