using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Access;

/// <summary>Turns the ARM names in a path into ids; an unknown name is simply not found.</summary>
public sealed class ScopeResolver(PurserStore store)
{
    public async Task<BillingScope?> FindAccountAsync(string accountName, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await db.BillingAccounts.AsNoTracking().Where(a => a.Name == accountName)
            .Select(a => new BillingScope(a.Id, a.Name, null, null, "CNY")).FirstOrDefaultAsync(ct);
    }

    public async Task<BillingScope?> FindProfileAsync(string accountName, string profileName, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await (from a in db.BillingAccounts
                      join p in db.BillingProfiles on a.Id equals p.BillingAccountId
                      where a.Name == accountName && p.Name == profileName
                      select new BillingScope(a.Id, a.Name, p.Id, p.Name, p.Currency)).AsNoTracking().FirstOrDefaultAsync(ct);
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
