using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Consumption;

/// <summary>Consumption balances of a billing account for a month (the current one by default).</summary>
public sealed class BalanceQueries(PurserStore store, TimeProvider clock)
{
    public BillingMonth CurrentMonth => BillingMonth.Of(clock.GetUtcNow());

    public async Task<BalanceView> OfAccountAsync(Guid accountId, BillingMonth month, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var currency = await ScopeCurrency.OfAccountAsync(db, accountId, ct);
        var (first, next) = (month.FirstDay, month.NextFirstDay);
        // Sums happen in memory: SQLite cannot SUM decimals through EF.
        var journal = await db.CreditJournal.AsNoTracking()
            .Where(e => e.BillingAccountId == accountId && e.Currency == currency && e.Settles == null && e.OccurredAt < month.End)
            .OrderBy(e => e.Id).ToListAsync(ct);
        var charges = await db.Charges.AsNoTracking()
            .Where(c => c.BillingAccountId == accountId && c.Currency == currency && c.StartDate >= first && c.StartDate < next)
            .ToListAsync(ct);
        return MonthlyBalance.Of(currency, month, journal, charges);
    }
}
