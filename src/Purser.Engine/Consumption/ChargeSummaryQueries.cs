using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Calendar;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Consumption;

/// <summary>
/// Charges per billing profile over an inclusive range of its local days, every profile of the scope
/// included. A bound left out is the current month's on that profile's clock and a bound given as an
/// instant is the profile's local day of it, so profiles in different zones may sum different days;
/// each summary says which.
/// </summary>
public sealed class ChargeSummaryQueries(PurserStore store, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<ChargeSummaryView>>> OfAccountAsync(Guid accountId, RequestedDay? from, RequestedDay? to, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var profiles = await db.BillingProfiles.AsNoTracking().Where(p => p.BillingAccountId == accountId).OrderBy(p => p.Name).ToListAsync(ct);
        return await SummariesAsync(db, accountId, profiles, from, to, ct);
    }

    /// <summary>The profile's summary, alone in the list; an empty list when the profile is gone.</summary>
    public async Task<Outcome<IReadOnlyList<ChargeSummaryView>>> OfProfileAsync(Guid profileId, RequestedDay? from, RequestedDay? to, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var profiles = await db.BillingProfiles.AsNoTracking().Where(p => p.Id == profileId).ToListAsync(ct);
        return profiles is [var profile] ? await SummariesAsync(db, profile.BillingAccountId, profiles, from, to, ct) : Array.Empty<ChargeSummaryView>();
    }

    private async Task<Outcome<IReadOnlyList<ChargeSummaryView>>> SummariesAsync(PurserDbContext db, Guid accountId, List<BillingProfile> profiles,
        RequestedDay? from, RequestedDay? to, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ranges = profiles.Select(p => RangeOf(p, from, to, now)).ToList();
        if (ranges.Count == 0)
            return Array.Empty<ChargeSummaryView>();
        if (ranges.Any(r => r.Last < r.First))
            return new Refusal(RefusalCode.InvalidDateRange, "'endDate' must not be before 'startDate'.", "endDate");
        var (first, last) = (ranges.Min(r => r.First), ranges.Max(r => r.Last));
        var ids = profiles.Select(p => p.Id).ToList();
        var charges = await db.Charges.AsNoTracking()
            .Where(c => c.BillingAccountId == accountId && ids.Contains(c.BillingProfileId) && c.StartDate >= first && c.StartDate <= last).ToListAsync(ct);
        return profiles.Zip(ranges, (p, r) => Summary(p, [.. charges.Where(c => c.BillingProfileId == p.Id && c.StartDate >= r.First && c.StartDate <= r.Last)], r))
            .ToList();
    }

    private static (DateOnly First, DateOnly Last) RangeOf(BillingProfile profile, RequestedDay? from, RequestedDay? to, DateTimeOffset now)
    {
        var zone = BillingTimeZone.Resolve(profile.TimeZone);
        var month = BillingMonth.Of(zone.DayOf(now));
        return (from?.In(zone) ?? month.FirstDay, to?.In(zone) ?? month.LastDay);
    }

    // A profile's charges are in its currency; sums happen in memory (SQLite cannot SUM decimals through EF).
    private static ChargeSummaryView Summary(BillingProfile profile, List<Charge> charges, (DateOnly First, DateOnly Last) range) =>
        new(profile.Id, profile.Name, profile.Currency, range.First, range.Last,
            AzureCharges: charges.Where(c => c.CreditEligible).Sum(c => c.Amount),
            ChargesBilledSeparately: charges.Where(c => !c.CreditEligible).Sum(c => c.Amount),
            IsInvoiced: charges.Count > 0 && charges.All(c => c.InvoiceId is not null));
}
