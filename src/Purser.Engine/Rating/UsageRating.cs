using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Calendar;
using Purser.Core.Invoicing;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Engine.Consumption;
using Purser.Engine.Credits;
using Purser.Engine.Jobs;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Rating;

/// <summary>
/// Continuous rating: usage that arrived since the last pass is priced by the anchor rule
/// (R-PRICE-*), charged as the difference between the day's rounded amount and what was
/// already charged for that day, drawn from credit as pending entries (R-DRAW, R-CE), and
/// prepaid subscriptions whose usable credit is gone are disabled (R-DISABLE) — per billing
/// profile in one transaction under the profile's ledger lock, where budgets with the stop action are decided too.
/// </summary>
public sealed class UsageRating(PurserStore store, CreditBook book)
{
    public async Task<RatingPass> RatePendingAsync(CancellationToken ct)
    {
        List<(Guid Profile, DateTime OldestUpdate)> pending;
        await using (var db = store.CreateContext())
        {
            pending = (await (from a in db.UsageDailyAggregates
                              join s in db.Subscriptions on a.SubscriptionId equals s.Id
                              where a.Quantity != a.RatedQuantity
                              group a.UpdatedAt by s.BillingProfileId into g
                              select new { Profile = g.Key, Oldest = g.Min() }).ToListAsync(ct))
                .ConvertAll(p => (p.Profile, p.Oldest));
        }
        var profiles = pending.ConvertAll(p => p.Profile);
        var (passes, failed) = await ProfileFailures.EachAsync(profiles, store.ProfileParallelism, profileId => book.ChangeAsync(profileId, session => RateProfileAsync(session, ct), ct), ct);
        return new RatingPass(passes.Count, passes.Sum(p => p.DaysRated), passes.Sum(p => p.Charges), passes.Sum(p => p.Amount),
            [.. passes.SelectMany(p => p.Disabled)], passes.Sum(p => p.Unpriced), failed,
            pending.Count == 0 ? null : LedgerMapping.Utc(pending.Min(p => p.OldestUpdate)));
    }

    private static async Task<Outcome<(LedgerChange, RatingPass)>> RateProfileAsync(LedgerSession session, CancellationToken ct)
    {
        var db = session.Db;
        var profile = session.Profile;
        var pending = await (from a in db.UsageDailyAggregates
                             join s in db.Subscriptions on a.SubscriptionId equals s.Id
                             where s.BillingProfileId == profile.Id && a.Quantity != a.RatedQuantity
                             select new { Aggregate = a, s.CreatedAt }).ToListAsync(ct);
        var meterIds = pending.Select(p => p.Aggregate.MeterId).Distinct().ToList();
        var meters = await db.Meters.AsNoTracking().Where(m => meterIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var currency = session.Ledger.Currency;
        var schedules = await PriceBook.LoadAsync(db, meterIds, currency, ct);
        var calendar = AnniversaryCalendar.OnDay(profile.InvoiceDay);
        var zone = BillingTimeZone.Resolve(profile.TimeZone);

        var ledger = session.Ledger;
        var entries = new List<JournalEntry>();
        var (charges, amount, unpriced) = (0, 0m, 0);
        foreach (var item in pending.OrderBy(p => p.Aggregate.UsageDate).ThenBy(p => p.Aggregate.SubscriptionId).ThenBy(p => p.Aggregate.MeterId))
        {
            var day = item.Aggregate;
            var meter = meters[day.MeterId];
            var price = schedules.TryGetValue(day.MeterId, out var schedule)
                ? DayRate.For(schedule, calendar, zone, LedgerMapping.Utc(item.CreatedAt), day.UsageDate)
                : null;
            if (price is null)
            {
                unpriced++;
                continue;
            }
            var dayAmount = (price.Value * day.Quantity).RoundAsCharge();
            var delta = dayAmount - new Money(day.RatedAmount, currency);
            if (delta.IsPositive)
            {
                var key = $"usage:{day.SubscriptionId:N}:{day.MeterId:N}:{day.UsageDate:yyyyMMdd}:{day.RatedAmount.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
                var description = $"{meter.Name} usage on {day.UsageDate:yyyy-MM-dd}";
                var drawn = new DrawCharge(key, delta, meter.CreditEligible, session.Now, description).Decide(ledger);
                if (!drawn.IsAccepted)
                    throw new InvalidOperationException($"Rating could not draw {delta} for {key}: {drawn.Refusal.Message}");
                ledger = ledger.Apply(drawn.Value.Change);
                entries.AddRange(drawn.Value.Change.Entries);
                db.Charges.Add(UsageChargeRow(profile, day, meter, price.Value, delta, key, description, session.Now.UtcDateTime));
                charges++;
                amount += delta.Amount;
            }
            day.RatedQuantity = day.Quantity;
            day.RatedAmount = dayAmount.Amount;
        }
        var disabled = (await PrepaidEnforcement.ApplyAsync(session, ledger, ct)).Disabled;
        await BudgetStops.ReviewProfileAsync(db, profile.BillingAccountId, profile.Id, session.Now, ct);
        return (new LedgerChange([], [.. entries]), new RatingPass(1, pending.Count - unpriced, charges, amount, disabled, unpriced, [], null));
    }

    private static Charge UsageChargeRow(BillingProfile profile, UsageDailyAggregate day, Meter meter, Money price, Money delta,
        string key, string description, DateTime now) => new()
    {
        Id = Guid.NewGuid(), BillingAccountId = profile.BillingAccountId, BillingProfileId = profile.Id, SubscriptionId = day.SubscriptionId,
        MeterId = day.MeterId, ChargeType = ChargeType.Usage, Description = description, Currency = profile.Currency, UnitPrice = price.Amount,
        Quantity = day.Quantity - day.RatedQuantity, Amount = delta.Amount, CreditEligible = meter.CreditEligible,
        StartDate = day.UsageDate, EndDate = day.UsageDate, IdempotencyKey = key, CreatedAt = now,
    };
}
