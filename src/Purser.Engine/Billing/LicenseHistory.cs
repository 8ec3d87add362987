using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Calendar;
using Purser.Core.Invoicing;
using Purser.Core.Licensing;
using Purser.Core.Lifecycle;
using Purser.Core.Monetary;
using Purser.Engine.Rating;
using Purser.Engine.Storage;
using Stored = Purser.Engine.Storage.Entities;

namespace Purser.Engine.Billing;

/// <summary>A license-based subscription as the close sees it: its terms as known now and every license line billed for it so far.</summary>
internal sealed record LicenseAccount(Stored.Subscription Row, string Product, bool CreditEligible, LicenseSubscription Terms, ImmutableArray<LineItem> Billed);

/// <summary>Rebuilds license subscriptions from their stored seat timeline, cancellation, product prices and billed lines.</summary>
internal static class LicenseHistory
{
    public static readonly ImmutableArray<ChargeType> LicenseChargeTypes =
        [ChargeType.Prepaid, ChargeType.Prorated, ChargeType.Reversal, ChargeType.CreditForUnusedDays, ChargeType.Correction];

    public static async Task<Outcome<List<LicenseAccount>>> LoadAsync(PurserDbContext db, Stored.BillingProfile profile, BillingCalendar calendar,
        Currency currency, CancellationToken ct)
    {
        // Ordered in memory: SQLite and PostgreSQL sort GUIDs differently, and the order names the license lines.
        var subscriptions = (await db.Subscriptions.AsNoTracking()
                .Where(s => s.BillingProfileId == profile.Id && s.OfferType == OfferType.LicenseBased && s.LicenseMeterId != null).ToListAsync(ct))
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id.ToString("N"), StringComparer.Ordinal).ToList();
        if (subscriptions.Count == 0)
            return new List<LicenseAccount>();
        var ids = subscriptions.Select(s => s.Id).ToList();
        var seats = (await db.SeatChanges.AsNoTracking().Where(c => ids.Contains(c.SubscriptionId)).ToListAsync(ct))
            .ToLookup(c => c.SubscriptionId);
        var meterIds = subscriptions.Select(s => s.LicenseMeterId!.Value).Distinct().ToList();
        var meters = await db.Meters.AsNoTracking().Where(m => meterIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var prices = await PriceBook.LoadAsync(db, meterIds, currency, ct);
        var billed = (await db.InvoiceLineItems.AsNoTracking()
                .Where(l => l.SubscriptionId != null && ids.Contains(l.SubscriptionId.Value) && LicenseChargeTypes.Contains(l.ChargeType))
                .OrderBy(l => l.Id).ToListAsync(ct))
            .ToLookup(l => l.SubscriptionId!.Value);

        var accounts = new List<LicenseAccount>();
        foreach (var subscription in subscriptions)
        {
            var meter = meters[subscription.LicenseMeterId!.Value];
            if (!prices.TryGetValue(meter.Id, out var schedule))
                return new Refusal(RefusalCode.LicensePriceMissing,
                    $"Subscription '{subscription.Id}' sells '{meter.Name}', which has no price in {currency.Code}; add one before closing the period.", "billingProfileId");
            var terms = Terms(subscription, seats[subscription.Id], calendar, SeatPrices.Of(schedule, calendar.Zone));
            accounts.Add(new LicenseAccount(subscription, meter.Name, meter.CreditEligible, terms,
                [.. billed[subscription.Id].Select(l => ToLine(l, currency))]));
        }
        return accounts;
    }

    /// <summary>The subscription's terms from its stored facts; every fact was accepted by the same rules when it was recorded.</summary>
    public static LicenseSubscription Terms(Stored.Subscription subscription, IEnumerable<Stored.SeatChange> seatChanges, BillingCalendar calendar, SeatPrices prices)
    {
        var changes = seatChanges.OrderBy(c => c.EffectiveDate).ThenBy(c => c.Id).ToList();
        var terms = LicenseSubscription.Start(changes[0].EffectiveDate, calendar.Periods, prices, changes[0].Seats);
        foreach (var change in changes.Skip(1))
            terms = terms.ChangeSeats(change.EffectiveDate, change.Seats).Value;
        return subscription.CancelledEffective is { } ends ? terms.Cancel(ends).Value : terms;
    }

    private static LineItem ToLine(Stored.InvoiceLineItem line, Currency currency)
    {
        var amount = new Money(line.Amount, currency);
        return new LineItem(line.ChargeType, new Money(line.UnitPrice, currency), line.Quantity,
            new BillingPeriod(line.StartDate, line.EndDate), amount, amount, line.Corrects);
    }
}
