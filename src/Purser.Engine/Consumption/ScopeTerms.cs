using Microsoft.EntityFrameworkCore;
using Purser.Core.Calendar;
using Purser.Engine.Storage;

namespace Purser.Engine.Consumption;

/// <summary>
/// The currency and the clock a scope's consumption figures are stated in: a billing profile's own, or
/// a billing account's first profile's. At account scope, amounts of profiles billed in another currency
/// are left out rather than added up across currencies, and the first profile's time zone says which day,
/// and so which month, it is for the account as a whole, while each profile's own movements keep their
/// own local days.
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

    /// <summary>The profile's own, for the profile's scope and for a subscription billed to it.</summary>
    public static async Task<ScopeTerms> OfProfileAsync(PurserDbContext db, Guid profileId, CancellationToken ct)
    {
        var profile = await db.BillingProfiles.AsNoTracking().Where(p => p.Id == profileId).Select(p => new { p.Currency, p.TimeZone }).FirstAsync(ct);
        return new(profile.Currency, BillingTimeZone.Resolve(profile.TimeZone));
    }

    public static Task<ScopeTerms> OfAsync(PurserDbContext db, ConsumptionScope scope, CancellationToken ct) =>
        scope.ProfileId is { } profileId ? OfProfileAsync(db, profileId, ct) : OfAccountAsync(db, scope.AccountId, ct);
}
