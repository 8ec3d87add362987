using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Ledger;
using Purser.Core.Licensing;
using Purser.Core.Lifecycle;
using Purser.Core.Monetary;
using Purser.Engine.Billing;
using Purser.Engine.Credits;
using Purser.Engine.Storage;
using Stored = Purser.Engine.Storage.Entities;

namespace Purser.Engine.Subscriptions;

/// <summary>
/// Seat changes and cancellations of partner-sold subscriptions (R-LIC-*, R-USAGE-CYCLE). Each is
/// checked by the Core's license rules against the subscription as recorded so far and written under
/// the billing profile's lock, so it never interleaves with a close. A fact dated before the last
/// close is billed on the next one as correction lines (R-LATE).
/// </summary>
public sealed class LicenseCommands(PurserStore store, CreditBook book)
{
    /// <summary>How far from today a start, seat change or cancellation may be dated: onboarding a year of history, or a year ahead.</summary>
    public const int MaxDaysFromToday = 366;

    public async Task<Outcome<LicenseView>> ChangeSeatsAsync(Guid subscriptionId, NewSeatChange input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var seatsRule = input.Seats is (>= 1 and <= SubscriptionCommands.MaxSeats) ? null
            : new Refusal(RefusalCode.InvalidField, $"'seats' must be between 1 and {SubscriptionCommands.MaxSeats}.", "seats");
        if ((InputRulesFor(input.EffectiveDate) ?? seatsRule) is { } invalid)
            return invalid;
        return await WithLicenseAsync(subscriptionId, requireLicense: true, input.EffectiveDate!.Value, (session, subscription, terms) =>
        {
            var changed = terms!.ChangeSeats(input.EffectiveDate!.Value, input.Seats!.Value);
            if (!changed.IsAccepted)
                return changed.Refusal with { Target = "effectiveDate" };
            session.Db.SeatChanges.Add(new Stored.SeatChange
            {
                BillingAccountId = subscription.BillingAccountId, SubscriptionId = subscription.Id, EffectiveDate = input.EffectiveDate.Value,
                Seats = input.Seats.Value, RecordedAt = session.Now.UtcDateTime,
            });
            return View(subscription, changed.Value);
        }, ct);
    }

    /// <summary>R-LIC-CANCEL, R-LIC-CANCELFREE; a usage-based subscription keeps its active period's usage on the next invoice (R-USAGE-CYCLE).</summary>
    public async Task<Outcome<LicenseView>> CancelAsync(Guid subscriptionId, NewCancellation input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRulesFor(input.EffectiveDate) is { } invalid)
            return invalid;
        return await WithLicenseAsync(subscriptionId, requireLicense: false, input.EffectiveDate!.Value, (session, subscription, terms) =>
        {
            if (subscription.CancelledEffective is { } already)
                return new Refusal(RefusalCode.SubscriptionCancelled, $"The subscription was already cancelled with effect {already:yyyy-MM-dd}.", "subscriptionId");
            var effective = input.EffectiveDate!.Value;
            if (terms is not null)
            {
                var cancelled = terms.Cancel(effective);
                if (!cancelled.IsAccepted)
                    return cancelled.Refusal with { Target = "effectiveDate" };
                terms = cancelled.Value;
            }
            else if (effective < session.Profile.Calendar().DayOf(new DateTimeOffset(subscription.CreatedAt, TimeSpan.Zero)))
                return new Refusal(RefusalCode.CancellationBeforeStart, "A subscription cannot end before it was created.", "effectiveDate");
            subscription.CancelledEffective = effective;
            subscription.State = SubscriptionState.Cancelled;
            subscription.StateChangedAt = session.Now.UtcDateTime;
            subscription.EndedAt = session.Profile.Calendar().StartOf(effective).UtcDateTime;
            subscription.NextCheckAt = null;
            return View(subscription, terms);
        }, ct);
    }

    private static Refusal? InputRulesFor(DateOnly? effectiveDate) =>
        effectiveDate is null ? new Refusal(RefusalCode.MissingField, "'effectiveDate' is required.", "effectiveDate") : null;

    private delegate Outcome<LicenseView> LicenseDecision(LedgerSession session, Stored.Subscription subscription, LicenseSubscription? terms);

    private async Task<Outcome<LicenseView>> WithLicenseAsync(Guid subscriptionId, bool requireLicense, DateOnly effective, LicenseDecision decide, CancellationToken ct)
    {
        Guid? profileId;
        await using (var lookup = store.CreateContext())
            profileId = await lookup.Subscriptions.AsNoTracking().Where(s => s.Id == subscriptionId).Select(s => (Guid?)s.BillingProfileId).FirstOrDefaultAsync(ct);
        if (profileId is null)
            return Accounts.InputRules.NotFound("Subscription", "subscriptionId", subscriptionId);
        return await book.ChangeAsync<LicenseView>(profileId.Value, async session =>
        {
            var db = session.Db;
            var subscription = await db.Subscriptions.FirstAsync(s => s.Id == subscriptionId, ct);
            var offer = subscription.OfferType;
            if (!offer.IsPartnerSold() || (requireLicense && offer != OfferType.LicenseBased))
                return new Refusal(RefusalCode.OfferTypeNotSupported,
                    requireLicense ? "Seats belong to LicenseBased subscriptions." : "Only partner-sold (LicenseBased, UsageBased) subscriptions are cancelled with an effective date.", "subscriptionId");
            var calendar = session.Profile.Calendar();
            var today = calendar.DayOf(session.Now);
            if (Math.Abs(effective.DayNumber - today.DayNumber) > MaxDaysFromToday)
                return new Refusal(RefusalCode.InvalidField, $"'effectiveDate' must lie within {MaxDaysFromToday} days of today ({today:yyyy-MM-dd}).", "effectiveDate");
            LicenseSubscription? terms = null;
            if (offer == OfferType.LicenseBased)
            {
                var seats = await db.SeatChanges.AsNoTracking().Where(c => c.SubscriptionId == subscriptionId).ToListAsync(ct);
                terms = LicenseHistory.Terms(subscription, seats, calendar, SeatPrices.Fixed(Money.Zero(session.Ledger.Currency)));
            }
            var decided = decide(session, subscription, terms);
            return decided.IsAccepted ? (LedgerChange.None, decided.Value) : decided.Refusal;
        }, ct);
    }

    private static LicenseView View(Stored.Subscription subscription, LicenseSubscription? terms) => new(subscription.Id, subscription.OfferType,
        subscription.State, terms?.StartedOn, [.. terms?.Seats.Changes.Select(c => new SeatStepView(c.EffectiveOn, c.Seats)) ?? []], subscription.CancelledEffective);
}

public sealed record SeatStepView(DateOnly EffectiveDate, int Seats);

/// <summary>A partner-sold subscription's billing facts: its seat timeline (license-based) and the day it ends, once cancelled.</summary>
public sealed record LicenseView(Guid SubscriptionId, OfferType OfferType, SubscriptionState State, DateOnly? StartDate, IReadOnlyList<SeatStepView> Seats, DateOnly? CancelledEffective);
