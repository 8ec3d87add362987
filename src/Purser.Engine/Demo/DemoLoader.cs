using Microsoft.EntityFrameworkCore;
using Purser.Engine.Billing;
using Purser.Engine.Credits;
using Purser.Engine.Notifications;
using Purser.Engine.Rating;
using Purser.Engine.Storage;
using Purser.Engine.Telemetry;

namespace Purser.Engine.Demo;

/// <summary>Loads the demo into an empty database, once: a second loader finds accounts and stops.</summary>
public sealed class DemoLoader(PurserStore store, TimeProvider clock, InvoiceSettings invoices, CreditAlertMails alerts, PurserMetrics metrics)
{
    public async Task<bool> LoadAsync(CancellationToken ct = default) => await LoadWithSignInsAsync(ct) is not null;

    /// <summary>Loads the demo and answers each demo user's e-mail and portal password; null when the database was not empty.</summary>
    public async Task<IReadOnlyList<(string Email, string Password)>?> LoadWithSignInsAsync(CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        if (await db.BillingAccounts.AnyAsync(ct))
            return null;
        var data = new DemoData(clock.GetUtcNow().UtcDateTime);
        db.AddRange(data.Entities);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (store.Engine == StorageEngine.Postgres && UniqueViolation.Is(ex))
        {
            // Two servers starting on one empty PostgreSQL race here; the unique account names let one win.
            if (await AnotherLoaderWonAsync(ct))
                return null;
            throw;
        }
        // The demo writes its grants as journal facts; the figures reads use are derived from them as for any store.
        await LedgerCheck.KeepMissingAsync(db, ct);
        await BillLastPeriodAsync(ct);
        return data.SignIns;
    }

    // The demo's usage goes through rating and last period through a billing run, as production's would: charges, credit drawn, a past invoice.
    private async Task BillLastPeriodAsync(CancellationToken ct)
    {
        var book = new CreditBook(store, clock, alerts, metrics);
        await new UsageRating(store, book).RatePendingAsync(ct);
        List<Guid> profiles;
        await using (var db = store.CreateContext())
            profiles = await db.BillingProfiles.AsNoTracking().OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var run = new BillingRun(store, book, invoices, clock, metrics);
        foreach (var id in profiles)
        {
            var invoiced = await run.CloseAsync(new NewBillingRun(id), ct);
            if (!invoiced.IsAccepted)
                throw new InvalidOperationException($"Demo billing run failed: {invoiced.Refusal.Message}");
        }
    }

    private async Task<bool> AnotherLoaderWonAsync(CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await db.BillingAccounts.AnyAsync(ct);
    }
}
