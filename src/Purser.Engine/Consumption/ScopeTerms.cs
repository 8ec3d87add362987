using Microsoft.EntityFrameworkCore;
using Purser.Core.Calendar;
using Purser.Engine.Storage;

namespace Purser.Engine.Consumption;

/// <summary>
/// The currency and the clock a billing account's consumption figures are stated in: its first billing
/// profile's. Amounts of profiles billed in another currency are left out rather than added up across
/// currencies; the first profile's time zone says which day, and so which month, it is for the account
/// as a whole, while each profile's own movements keep their own local days.
/// </summary>
internal sealed record ScopeTerms(string Currency, BillingTimeZone Zone)
{
    private static readonly ScopeTerms NoProfile = new("USD", BillingTimeZone.Utc);

    public static async Task<ScopeTerms> OfAccountAsync(PurserDbContext db, Guid accountId, CancellationToken ct)
    {
        var first = await db.BillingProfiles.AsNoTracking().Where(p => p.BillingAccountId == accountId)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Name).Select(p => new { p.Currency, p.TimeZone }).FirstOrDefaultAsync(ct);
        return first is null ? NoProfile : new(first.Currency, BillingTimeZone.Resolve(first.TimeZone));
    }
}
