using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Access;

/// <summary>
/// Billing scopes by id, for the faces that address accounts and profiles by their ids (the
/// portal and downloads) rather than by ARM names; an unknown id is simply not found.
/// </summary>
public sealed class ScopeLookup(PurserStore store)
{
    public async Task<BillingScope?> AccountAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await db.BillingAccounts.AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => new BillingScope(a.Id, a.Name, null, null, "CNY")).FirstOrDefaultAsync(ct);
    }

    public async Task<BillingScope?> ProfileAsync(Guid profileId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await (from p in db.BillingProfiles
                      join a in db.BillingAccounts on p.BillingAccountId equals a.Id
                      where p.Id == profileId
                      select new BillingScope(a.Id, a.Name, p.Id, p.Name, p.Currency)).AsNoTracking().FirstOrDefaultAsync(ct);
    }
}
