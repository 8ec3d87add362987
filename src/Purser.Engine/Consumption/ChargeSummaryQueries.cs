using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Consumption;

/// <summary>Charges per billing profile over an inclusive date range, every profile of the scope included.</summary>
public sealed class ChargeSummaryQueries(PurserStore store)
{
    public async Task<IReadOnlyList<ChargeSummaryView>> OfAccountAsync(Guid accountId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var profiles = await db.BillingProfiles.AsNoTracking().Where(p => p.BillingAccountId == accountId).OrderBy(p => p.Name).ToListAsync(ct);
        var charges = await db.Charges.AsNoTracking()
            .Where(c => c.BillingAccountId == accountId && c.StartDate >= from && c.StartDate <= to).ToListAsync(ct);
        return [.. profiles.Select(p => Summary(p, charges.Where(c => c.BillingProfileId == p.Id).ToList(), from, to))];
    }

    public async Task<ChargeSummaryView?> OfProfileAsync(Guid profileId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var profile = await db.BillingProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null)
            return null;
        var charges = await db.Charges.AsNoTracking()
            .Where(c => c.BillingProfileId == profileId && c.StartDate >= from && c.StartDate <= to).ToListAsync(ct);
        return Summary(profile, charges, from, to);
    }

    // A profile's charges are in its currency; sums happen in memory (SQLite cannot SUM decimals through EF).
    private static ChargeSummaryView Summary(Storage.Entities.BillingProfile profile, List<Storage.Entities.Charge> charges, DateOnly from, DateOnly to) =>
        new(profile.Id, profile.Name, profile.Currency, from, to,
            AzureCharges: charges.Where(c => c.CreditEligible).Sum(c => c.Amount),
            ChargesBilledSeparately: charges.Where(c => !c.CreditEligible).Sum(c => c.Amount),
            IsInvoiced: charges.Count > 0 && charges.All(c => c.InvoiceId is not null));
}
