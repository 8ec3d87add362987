using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Access;

/// <summary>
/// Turns what a request names — ARM names in a path, or ids in the portal and downloads — into
/// a billing scope; an unknown name or id is simply not found.
/// </summary>
/// <remarks>
/// Every ARM call names its scope, so a found account or profile is kept by name: neither is ever
/// renamed, moved, re-currencied or deleted, so what was found stays true, and each server holds its
/// own copy without asking the others. What was not found is asked again (it may be created next).
/// </remarks>
public sealed class ScopeResolver(PurserStore store)
{
    // Bounded so that a caller naming endless scopes cannot grow the process; past the bound it starts over.
    private const int MaxKept = 100_000;
    private readonly ConcurrentDictionary<(string Account, string? Profile), BillingScope> _byName = new();

    public Task<BillingScope?> FindAccountAsync(string accountName, CancellationToken ct) =>
        KeptAsync((accountName, null), () => AccountAsync(a => a.Name == accountName, ct));

    public Task<BillingScope?> FindAccountAsync(Guid accountId, CancellationToken ct) =>
        AccountAsync(a => a.Id == accountId, ct);

    public Task<BillingScope?> FindProfileAsync(string accountName, string profileName, CancellationToken ct) =>
        KeptAsync((accountName, profileName), () => ProfileAsync(accountName, profileName, ct));

    private async Task<BillingScope?> KeptAsync((string, string?) name, Func<Task<BillingScope?>> find)
    {
        if (_byName.TryGetValue(name, out var kept))
            return kept;
        var found = await find();
        if (found is not null)
        {
            if (_byName.Count >= MaxKept)
                _byName.Clear();
            _byName[name] = found;
        }
        return found;
    }

    private async Task<BillingScope?> ProfileAsync(string accountName, string profileName, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await (from a in db.BillingAccounts
                      join p in db.BillingProfiles on a.Id equals p.BillingAccountId
                      where a.Name == accountName && p.Name == profileName
                      select new BillingScope(a.Id, a.Name, p.Id, p.Name, p.Currency)).AsNoTracking().FirstOrDefaultAsync(ct);
    }

    public async Task<BillingScope?> FindProfileAsync(Guid profileId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await (from a in db.BillingAccounts
                      join p in db.BillingProfiles on a.Id equals p.BillingAccountId
                      where p.Id == profileId
                      select new BillingScope(a.Id, a.Name, p.Id, p.Name, p.Currency)).AsNoTracking().FirstOrDefaultAsync(ct);
    }

    private async Task<BillingScope?> AccountAsync(System.Linq.Expressions.Expression<Func<Storage.Entities.BillingAccount, bool>> match, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await db.BillingAccounts.AsNoTracking().Where(match)
            .Select(a => new BillingScope(a.Id, a.Name, null, null, "CNY")).FirstOrDefaultAsync(ct);
    }


    /// <summary>The billing profile a subscription is billed to; a malformed or unknown subscription id is not found.</summary>
    public async Task<BillingScope?> FindSubscriptionAsync(string subscriptionId, CancellationToken ct)
    {
        if (!Guid.TryParse(subscriptionId, out var id))
            return null;
        await using var db = store.CreateContext();
        return await (from s in db.Subscriptions
                      join p in db.BillingProfiles on s.BillingProfileId equals p.Id
                      join a in db.BillingAccounts on p.BillingAccountId equals a.Id
                      where s.Id == id
                      select new BillingScope(a.Id, a.Name, p.Id, p.Name, p.Currency)).AsNoTracking().FirstOrDefaultAsync(ct);
    }
}
