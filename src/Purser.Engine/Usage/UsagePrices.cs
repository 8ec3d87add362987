using Purser.Core.Monetary;
using Purser.Core.Rating;
using Purser.Engine.Rating;
using Purser.Engine.Storage;

namespace Purser.Engine.Usage;

/// <summary>
/// The unit price rating applies to a subscription's usage of a meter on a local day: the anchor
/// rule (R-PRICE-*) over the meter's price schedule in the profile's currency, anchored at the
/// start of the billing cycle holding that day, or the subscription's creation if later — the
/// same <see cref="DayRate"/> rating charges by.
/// </summary>
internal sealed class UsagePrices
{
    private readonly Dictionary<(string Currency, Guid MeterId), PriceSchedule> _schedules;

    private UsagePrices(Dictionary<(string, Guid), PriceSchedule> schedules) => _schedules = schedules;

    public static async Task<UsagePrices> LoadAsync(PurserDbContext db, IEnumerable<string> currencies, IReadOnlyCollection<Guid> meterIds, CancellationToken ct)
    {
        var schedules = new Dictionary<(string, Guid), PriceSchedule>();
        if (meterIds.Count == 0)
            return new UsagePrices(schedules);
        foreach (var code in currencies)
        {
            foreach (var (meterId, schedule) in await PriceBook.LoadAsync(db, meterIds, Currency.Parse(code), ct))
                schedules[(code, meterId)] = schedule;
        }
        return new UsagePrices(schedules);
    }

    /// <summary>The unit price of <paramref name="meterId"/> on <paramref name="day"/>, or null when the meter had no price then.</summary>
    public Money? UnitPrice(ProfileTerms profile, SubscriptionTerms subscription, Guid meterId, DateOnly day)
    {
        if (!_schedules.TryGetValue((profile.Currency, meterId), out var schedule))
            return null;
        return DayRate.For(schedule, profile.Calendar, profile.Zone, subscription.CreatedAt, day);
    }
}
