using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Demo;

/// <summary>Loads the demo into an empty database, once: a second loader finds accounts and stops.</summary>
public sealed class DemoLoader(PurserStore store, TimeProvider clock)
{
    public async Task<bool> LoadAsync(CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        if (await db.BillingAccounts.AnyAsync(ct))
            return false;
        var data = new DemoData(clock.GetUtcNow().UtcDateTime);
        db.AddRange(data.Entities);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException) when (store.Engine == StorageEngine.Postgres)
        {
            // Two servers starting on one empty PostgreSQL race here; the unique account names let one win.
            if (await AnotherLoaderWonAsync(ct))
                return false;
            throw;
        }
    }

    private async Task<bool> AnotherLoaderWonAsync(CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await db.BillingAccounts.AnyAsync(ct);
    }
}
