using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Consumption;

/// <summary>
/// The one currency a billing account's consumption figures are stated in: its first billing
/// profile's. Amounts of profiles billed in another currency are left out rather than added up
/// across currencies.
/// </summary>
internal static class ScopeCurrency
{
    public const string Fallback = "USD";

    public static async Task<string> OfAccountAsync(PurserDbContext db, Guid accountId, CancellationToken ct) =>
        await db.BillingProfiles.AsNoTracking().Where(p => p.BillingAccountId == accountId)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Name).Select(p => p.Currency).FirstOrDefaultAsync(ct) ?? Fallback;
}
