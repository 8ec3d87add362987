using Microsoft.EntityFrameworkCore;
using Purser.Core.Lifecycle;
using Purser.Core.Monetary;
using Purser.Engine.Billing;
using Purser.Engine.Storage;
using Stored = Purser.Engine.Storage.Entities;

namespace Purser.Engine.Partners;

/// <summary>
/// What a partner's staff read (R-RECON, seed 003): the subscriptions it sold, the billing cycles whose reconciliation
/// files hold its lines, and the invoices of a cycle those lines are on. A line belongs to the partner that sold its
/// subscription when it was billed (the line keeps its partner), exactly as the reconciliation file counts it; sums run
/// in memory because SQLite cannot add decimals in SQL.
/// </summary>
public sealed class PartnerQueries(PurserStore store, TimeProvider clock)
{
    public async Task<PartnerView?> FindAsync(string partnerId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await db.Partners.AsNoTracking().Where(p => p.Id == partnerId)
            .Select(p => new PartnerView(p.Id, p.CompanyName, p.BillingDay)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The subscriptions linked to the partner now, by customer, then as they were created.</summary>
    public async Task<IReadOnlyList<PartnerSubscriptionRecord>> SubscriptionsAsync(string partnerId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var sold = await (from s in db.Subscriptions
                          join a in db.BillingAccounts on s.BillingAccountId equals a.Id
                          join p in db.BillingProfiles on s.BillingProfileId equals p.Id
                          join m in db.Meters on s.LicenseMeterId equals (Guid?)m.Id into meters
                          from m in meters.DefaultIfEmpty()
                          where s.PartnerId == partnerId
                          select new { Subscription = s, Customer = a.DisplayName, Profile = p, Product = m != null ? m.Name : null })
            .AsNoTracking().ToListAsync(ct);
        var ids = sold.Select(s => s.Subscription.Id).ToList();
        var seats = (await db.SeatChanges.AsNoTracking().Where(c => ids.Contains(c.SubscriptionId)).ToListAsync(ct)).ToLookup(c => c.SubscriptionId);
        var now = clock.GetUtcNow();
        return [.. sold
            .OrderBy(s => s.Customer, StringComparer.Ordinal).ThenBy(s => s.Subscription.CreatedAt).ThenBy(s => s.Subscription.Id)
            .Select(s => new PartnerSubscriptionRecord(s.Subscription.Id, s.Customer, s.Subscription.DisplayName, s.Subscription.OfferType, s.Product,
                SeatsToday(s.Subscription, seats[s.Subscription.Id], s.Profile, now), s.Subscription.State, s.Subscription.OrderId))];
    }

    /// <summary>Every cycle with lines of the partner, newest first.</summary>
    public async Task<IReadOnlyList<PartnerCycleRecord>> CyclesAsync(string partnerId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var lines = await (from l in db.InvoiceLineItems
                           join i in db.Invoices on l.InvoiceId equals i.Id
                           where l.PartnerId == partnerId
                           select new { i.PeriodStart, i.InvoiceNumber, l.Currency, l.Amount }).AsNoTracking().ToListAsync(ct);
        return [.. lines
            .GroupBy(l => (l.PeriodStart.Year, l.PeriodStart.Month))
            .OrderByDescending(g => g.Key)
            .Select(g => new PartnerCycleRecord(g.Key.Year, g.Key.Month, g.Count(), g.Select(l => l.InvoiceNumber).Distinct().Count(),
                [.. g.GroupBy(l => l.Currency, StringComparer.Ordinal).OrderBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => new CurrencyTotal(c.Key, c.Sum(l => l.Amount)))]))];
    }

    /// <summary>The invoices of the cycle starting in <paramref name="month"/> that hold lines of the partner, by number (the file's order).</summary>
    public async Task<IReadOnlyList<PartnerInvoiceRecord>> CycleInvoicesAsync(string partnerId, int year, int month, CancellationToken ct)
    {
        var firstDay = new DateOnly(year, month, 1);
        var until = firstDay.AddMonths(1);
        await using var db = store.CreateContext();
        var found = await Invoices(db, partnerId).Where(r => r.Invoice.PeriodStart >= firstDay && r.Invoice.PeriodStart < until).ToListAsync(ct);
        return [.. Describe(found).OrderBy(i => i.InvoiceNumber, StringComparer.Ordinal)];
    }

    /// <summary>An invoice by its number, if it holds lines of the partner; any other invoice is not the partner's to know of.</summary>
    public async Task<PartnerInvoiceRecord?> InvoiceAsync(string partnerId, string invoiceNumber, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var found = await Invoices(db, partnerId).Where(r => r.Invoice.InvoiceNumber == invoiceNumber).ToListAsync(ct);
        return Describe(found).SingleOrDefault();
    }

    // Initialised, not constructed, so EF can still filter on its members.
    private sealed class PartnerLine
    {
        public required Stored.Invoice Invoice { get; init; }
        public required string Customer { get; init; }
        public decimal Amount { get; init; }
    }

    private static IQueryable<PartnerLine> Invoices(PurserDbContext db, string partnerId) =>
        from l in db.InvoiceLineItems.AsNoTracking()
        join i in db.Invoices on l.InvoiceId equals i.Id
        join a in db.BillingAccounts on i.BillingAccountId equals a.Id
        where l.PartnerId == partnerId
        select new PartnerLine { Invoice = i, Customer = a.DisplayName, Amount = l.Amount };

    private static IEnumerable<PartnerInvoiceRecord> Describe(List<PartnerLine> lines) =>
        lines.GroupBy(l => l.Invoice.Id).Select(g =>
        {
            var i = g.First().Invoice;
            return new PartnerInvoiceRecord(i.Id, i.InvoiceNumber, i.BillingAccountId, i.BillingProfileId, g.First().Customer, i.Currency,
                i.PeriodStart, i.PeriodEnd, i.InvoiceDate, g.Count(), g.Sum(l => l.Amount));
        });

    // A license subscription's seats on the profile's local today: before it starts, its first seats; once cancelled, those of its last day.
    private static int? SeatsToday(Stored.Subscription subscription, IEnumerable<Stored.SeatChange> changes, Stored.BillingProfile profile, DateTimeOffset now)
    {
        var recorded = changes.ToList();
        if (subscription.OfferType != OfferType.LicenseBased || recorded.Count == 0)
            return null;
        var calendar = profile.Calendar();
        var seats = LicenseHistory.Terms(subscription, recorded, calendar, Core.Licensing.SeatPrices.Fixed(Money.Zero(Currency.Parse(profile.Currency)))).Seats;
        var day = calendar.DayOf(now);
        if (subscription.CancelledEffective is { } ends && day >= ends)
            day = ends.AddDays(-1);
        return seats.SeatsOn(day < seats.StartedOn ? seats.StartedOn : day);
    }
}
