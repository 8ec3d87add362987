using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Usage;

/// <summary>
/// Usage details (R-DOWNLOAD, Microsoft.Consumption usageDetails): one line per stored usage
/// event of a scope on some usage days — by default each profile's billing period containing
/// today — in timestamp order (ties in arrival order), priced as rating prices them.
/// </summary>
public sealed class UsageDetailQueries(PurserStore store, TimeProvider clock)
{
    /// <summary>At most <paramref name="count"/> lines from <paramref name="offset"/>; empty for a scope that no longer exists.</summary>
    public async Task<IReadOnlyList<UsageDetailLine>> PageAsync(UsageScope scope, UsageDays? days, int offset, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = store.CreateContext();
        if (await UsageScopeMembers.LoadAsync(db, scope, ct) is not { } members)
            return [];
        var rows = await UsageEventRows.Ordered(db, members, UsageWindows.Predicate(members, days, clock.GetUtcNow()))
            .Skip(offset).Take(count).ToListAsync(ct);
        var prices = await UsagePrices.LoadAsync(db, members.Currencies, [.. rows.Select(r => r.MeterId).Distinct()], ct);
        return [.. rows.Select(r => r.ToLine(members, prices))];
    }

    /// <summary>Every line, read from the database as they are consumed: a download never holds the whole range in memory.</summary>
    public async IAsyncEnumerable<UsageDetailLine> StreamAsync(UsageScope scope, UsageDays days, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(days);
        await using var db = store.CreateContext();
        if (await UsageScopeMembers.LoadAsync(db, scope, ct) is not { } members)
            yield break;
        var window = UsageWindows.Predicate(members, days, clock.GetUtcNow());
        var meterIds = await db.UsageEvents.AsNoTracking().Where(e => e.BillingAccountId == members.AccountId).Where(window)
            .Select(e => e.MeterId).Distinct().ToListAsync(ct);
        var prices = await UsagePrices.LoadAsync(db, members.Currencies, meterIds, ct);
        await foreach (var row in UsageEventRows.Ordered(db, members, window).AsAsyncEnumerable().WithCancellation(ct))
            yield return row.ToLine(members, prices);
    }
}
