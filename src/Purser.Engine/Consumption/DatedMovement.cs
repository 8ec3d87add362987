using Microsoft.EntityFrameworkCore;
using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Engine.Credits;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Consumption;

/// <summary>
/// A credit movement with the local day a monthly balance counts it on. A draw counts on the day of the
/// charge it paid, however late it was drawn: usage of Jan 31 rated at 00:30 on Feb 1 is January's
/// charge, billed on January's invoice, so the credit that paid it was January's credit used. Every other
/// movement counts on its own local day in its profile's time zone.
/// </summary>
internal sealed record DatedMovement(CreditJournalEntry Entry, DateOnly Day)
{
    /// <summary>
    /// The account's movements in <paramref name="currency"/> that count on days before <paramref name="before"/>,
    /// in journal order; settled twins are left out, so each movement counts once.
    /// </summary>
    public static async Task<IReadOnlyList<DatedMovement>> BeforeAsync(PurserDbContext db, Guid accountId, string currency,
        IReadOnlyDictionary<Guid, BillingTimeZone> zones, DateOnly before, CancellationToken ct)
    {
        // The latest instant at which any of the profiles reaches that day: the database cuts there, the exact cut is by day.
        var end = zones.Values.Select(z => z.StartOf(before).UtcDateTime).DefaultIfEmpty(DateTime.MinValue).Max();
        var rows = await (from e in db.CreditJournal.AsNoTracking()
                          where e.BillingAccountId == accountId && e.Currency == currency && e.Settles == null
                          join c in db.Charges.AsNoTracking() on new { e.BillingProfileId, Key = e.ChargeKey } equals new { c.BillingProfileId, Key = (string?)c.IdempotencyKey } into paid
                          from c in paid.DefaultIfEmpty()
                          where (e.Kind == EntryKind.ChargeDraw && c != null && c.StartDate < before) || ((e.Kind != EntryKind.ChargeDraw || c == null) && e.OccurredAt < end)
                          orderby e.Id
                          select new { Entry = e, ChargeDay = e.Kind == EntryKind.ChargeDraw && c != null ? c.StartDate : (DateOnly?)null }).ToListAsync(ct);
        return [.. rows
            .Select(r => new DatedMovement(r.Entry, r.ChargeDay ?? zones[r.Entry.BillingProfileId].DayOf(LedgerMapping.Utc(r.Entry.OccurredAt))))
            .Where(m => m.Day < before)];
    }
}
