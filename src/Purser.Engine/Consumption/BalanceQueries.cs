using Microsoft.EntityFrameworkCore;
using Purser.Core.Calendar;
using Purser.Engine.Storage;

namespace Purser.Engine.Consumption;

/// <summary>Consumption balances of a billing account for a month (the current one by default).</summary>
public sealed class BalanceQueries(PurserStore store, TimeProvider clock)
{
    /// <summary>The balance of <paramref name="month"/>, or, when null, of the current month on the account's first profile's clock.</summary>
    public async Task<BalanceView> OfAccountAsync(Guid accountId, BillingMonth? month, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var terms = await ScopeTerms.OfAccountAsync(db, accountId, ct);
        var shown = month ?? BillingMonth.Of(terms.Zone.DayOf(clock.GetUtcNow()));
        var zones = (await db.BillingProfiles.AsNoTracking().Where(p => p.BillingAccountId == accountId).Select(p => new { p.Id, p.TimeZone }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => BillingTimeZone.Resolve(p.TimeZone));
        // Sums happen in memory: SQLite cannot SUM decimals through EF.
        var movements = await DatedMovement.BeforeAsync(db, accountId, terms.Currency, zones, shown.NextFirstDay, ct);
        var charges = await db.Charges.AsNoTracking()
            .Where(c => c.BillingAccountId == accountId && c.Currency == terms.Currency && c.StartDate >= shown.FirstDay && c.StartDate < shown.NextFirstDay)
            .ToListAsync(ct);
        return MonthlyBalance.Of(terms.Currency, shown, movements, charges);
    }
}
