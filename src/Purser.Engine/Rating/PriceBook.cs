using Microsoft.EntityFrameworkCore;
using Purser.Core.Monetary;
using Purser.Core.Rating;
using Purser.Engine.Credits;
using Purser.Engine.Storage;

namespace Purser.Engine.Rating;

/// <summary>Meters' price schedules in one currency, rebuilt from stored price versions.</summary>
internal static class PriceBook
{
    public static async Task<Dictionary<Guid, PriceSchedule>> LoadAsync(PurserDbContext db, IReadOnlyCollection<Guid> meterIds, Currency currency, CancellationToken ct)
    {
        var versions = await db.PriceVersions.AsNoTracking()
            .Where(v => meterIds.Contains(v.MeterId) && v.Currency == currency.Code).ToListAsync(ct);
        var schedules = new Dictionary<Guid, PriceSchedule>();
        foreach (var group in versions.GroupBy(v => v.MeterId))
        {
            var schedule = PriceSchedule.Empty;
            foreach (var v in group.OrderBy(v => v.EffectiveFrom))
            {
                var announced = schedule.Announce(new PriceVersion(new Money(v.UnitPrice, currency), LedgerMapping.Utc(v.EffectiveFrom), LedgerMapping.Utc(v.AnnouncedAt)));
                schedule = announced.IsAccepted
                    ? announced.Value
                    : throw new InvalidOperationException($"Stored price version {v.Id} of meter {v.MeterId} breaks the price rules: {announced.Refusal.Message}");
            }
            schedules[group.Key] = schedule;
        }
        return schedules;
    }
}
