using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Calendar;
using Purser.Core.Lifecycle;
using Purser.Engine.Accounts;
using Purser.Engine.Billing;
using Purser.Engine.Credits;
using Purser.Engine.Partners;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Subscriptions;

/// <summary>Creates subscriptions of every offer type (R-NEWSUB) and edits name, service administrator and partner (R-SUBEDIT, R-PARTNER).</summary>
public sealed class SubscriptionCommands(PurserStore store, TimeProvider clock)
{
    public const int MaxSeats = 1_000_000;

    /// <summary>How far back a start may be dated: a year of an onboarded customer's history (a leap year's 366 days).</summary>
    public const int MaxDaysBackdated = 366;

    public static readonly IReadOnlyList<string> OfferTypes = Enum.GetNames<OfferType>();

    public async Task<Outcome<SubscriptionView>> CreateAsync(NewSubscription input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var offer = InputRules.Named<OfferType>(input.OfferType);
        if (InputRules.First(
                input.BillingProfileId is null ? new Refusal(RefusalCode.MissingField, "'billingProfileId' is required.", "billingProfileId") : null,
                InputRules.Required(input.DisplayName, "displayName"),
                InputRules.OneOf(input.OfferType, "offerType", OfferTypes),
                offer?.IsPartnerSold() == true && input.PartnerId is null
                    ? new Refusal(RefusalCode.MissingField, $"A {offer} subscription is sold by a partner: 'partnerId' is required.", "partnerId") : null,
                input.PartnerId is null ? null : PartnerCommands.PartnerIdRule(input.PartnerId),
                offer == OfferType.LicenseBased && input.LicenseMeterId is null
                    ? new Refusal(RefusalCode.MissingField, "A LicenseBased subscription needs 'licenseMeterId', the product whose monthly price is per seat.", "licenseMeterId") : null,
                (offer == OfferType.LicenseBased || input.Seats is not null) && input.Seats is not (>= 1 and <= MaxSeats)
                    ? new Refusal(RefusalCode.InvalidField, $"'seats' must be between 1 and {MaxSeats}.", "seats") : null,
                input.StartDate is not null && offer is OfferType.Trial or OfferType.StandardPrepaid
                    ? new Refusal(RefusalCode.InvalidField, $"A {offer} subscription starts with its first payment; it takes no 'startDate'.", "startDate") : null) is { } invalid)
            return invalid;

        await using var db = store.CreateContext();
        var profile = await db.BillingProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.BillingProfileId, ct);
        if (profile is null)
            return InputRules.NotFound("Billing profile", "billingProfileId", input.BillingProfileId);
        if (input.PartnerId is not null && !await db.Partners.AnyAsync(p => p.Id == input.PartnerId, ct))
            return InputRules.NotFound("Partner", "partnerId", input.PartnerId);
        if (input.LicenseMeterId is { } meterId)
        {
            if (!await db.Meters.AnyAsync(m => m.Id == meterId, ct))
                return InputRules.NotFound("Meter", "licenseMeterId", meterId);
            if (!await db.PriceVersions.AnyAsync(v => v.MeterId == meterId && v.Currency == profile.Currency, ct))
                return new Refusal(RefusalCode.LicensePriceMissing, $"Meter '{meterId}' has no price in {profile.Currency}, the billing profile's currency.", "licenseMeterId");
        }
        var calendar = profile.Calendar();
        var today = calendar.DayOf(clock.GetUtcNow());
        var startDate = input.StartDate ?? today;
        if (today.DayNumber - startDate.DayNumber > MaxDaysBackdated)
            return new Refusal(RefusalCode.StartBackdatedTooFar,
                $"'startDate' may be at most {MaxDaysBackdated} days before today ({today:yyyy-MM-dd}), not {startDate:yyyy-MM-dd}: onboarding brings a year of history at most.", "startDate");
        // Seats may be booked ahead; anything else starts when it is recorded or, onboarded, before.
        var ahead = offer == OfferType.LicenseBased ? LicenseCommands.MaxDaysFromToday : 0;
        if (startDate.DayNumber - today.DayNumber > ahead)
            return new Refusal(RefusalCode.InvalidField, ahead == 0
                ? $"'startDate' cannot be after today ({today:yyyy-MM-dd}) for a {offer} subscription."
                : $"'startDate' must lie within {ahead} days of today ({today:yyyy-MM-dd}).", "startDate");
        var administrator = input.ServiceAdministratorId ?? await DefaultAdministratorAsync(db, profile.BillingAccountId, ct);
        if (input.ServiceAdministratorId is { } adminId && !await db.Users.AnyAsync(u => u.Id == adminId && u.BillingAccountId == profile.BillingAccountId, ct))
            return InputRules.NotFound("User of this billing account", "serviceAdministratorId", adminId);

        var now = clock.GetUtcNow().UtcDateTime;
        var backdated = startDate < today;
        // A license's start is its seat timeline; any other subscription's is the instant usage is rated from (R-PRICE-NEW).
        var startedAt = backdated && offer != OfferType.LicenseBased ? calendar.StartOf(startDate).UtcDateTime : now;
        var id = Guid.NewGuid();
        var subscription = new Subscription
        {
            Id = id, BillingAccountId = profile.BillingAccountId, BillingProfileId = profile.Id, DisplayName = input.DisplayName!.Trim(),
            OfferType = offer!.Value, OrderId = ArmNames.OrderId(id), PartnerId = input.PartnerId, ServiceAdministratorId = administrator,
            LicenseMeterId = input.LicenseMeterId, CreatedAt = startedAt, RecordedAt = now, StateChangedAt = startedAt,
        };
        var lifecycle = SubscriptionLifecycle.Start(subscription.OfferType, LedgerMapping.Utc(startedAt), BillingTimeZone.Resolve(profile.TimeZone));
        subscription.TrialEndsAt = lifecycle.TrialEndsAt?.UtcDateTime;
        subscription.NextCheckAt = lifecycle.TrialEndsAt?.UtcDateTime;
        db.Subscriptions.Add(subscription);
        if (offer == OfferType.LicenseBased)
        {
            db.SeatChanges.Add(new SeatChange
            {
                BillingAccountId = profile.BillingAccountId, SubscriptionId = id, EffectiveDate = startDate, Seats = input.Seats!.Value, RecordedAt = now,
            });
        }
        if (backdated)
            db.Outbox.Add(Backdated(subscription, startDate, today, now));
        await db.SaveChangesAsync(ct);
        return View(subscription);
    }

    /// <summary>The audit record of an onboarded start, written with the subscription: who reads the outbox learns it began before it was entered.</summary>
    private static OutboxMessage Backdated(Subscription s, DateOnly startDate, DateOnly today, DateTime now) => new()
    {
        BillingAccountId = s.BillingAccountId, MessageId = Guid.NewGuid(), Kind = Webhooks.WebhookEventTypes.SubscriptionBackdated, Recipient = s.Id.ToString(),
        Subject = $"{s.DisplayName}: started {startDate:yyyy-MM-dd}, recorded {today:yyyy-MM-dd}",
        Body = $"The subscription was recorded on {today:yyyy-MM-dd} with a start {today.DayNumber - startDate.DayNumber} days earlier, on {startDate:yyyy-MM-dd}; " +
            "usage of those days is rated and billed as usage arriving late (R-LATE).",
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public async Task<Outcome<SubscriptionView>> ChangeAsync(Guid subscriptionId, SubscriptionChange input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.First(
                input.DisplayName is null ? null : InputRules.Required(input.DisplayName, "displayName"),
                string.IsNullOrEmpty(input.PartnerId) ? null : PartnerCommands.PartnerIdRule(input.PartnerId)) is { } invalid)
            return invalid;
        await using var db = store.CreateContext();
        var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.Id == subscriptionId, ct);
        if (subscription is null)
            return InputRules.NotFound("Subscription", "subscriptionId", subscriptionId);
        if (subscription.State == SubscriptionState.Deleted)
            return new Refusal(RefusalCode.SubscriptionDeleted, "A deleted subscription cannot be changed.", "subscriptionId");
        if (input.ServiceAdministratorId is { } adminId)
        {
            if (!await db.Users.AnyAsync(u => u.Id == adminId && u.BillingAccountId == subscription.BillingAccountId, ct))
                return InputRules.NotFound("User of this billing account", "serviceAdministratorId", adminId);
            subscription.ServiceAdministratorId = adminId;
        }
        if (input.PartnerId is { } partnerId)
        {
            if (partnerId.Length > 0 && !await db.Partners.AnyAsync(p => p.Id == partnerId, ct))
                return InputRules.NotFound("Partner", "partnerId", partnerId);
            subscription.PartnerId = partnerId.Length == 0 ? null : partnerId;
        }
        if (input.DisplayName is not null)
            subscription.DisplayName = input.DisplayName.Trim();
        await db.SaveChangesAsync(ct);
        return View(subscription);
    }

    public async Task<SubscriptionView?> FindAsync(Guid subscriptionId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var subscription = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, ct);
        return subscription is null ? null : View(subscription);
    }

    // R-SUBEDIT: the service administrator defaults to the account administrator.
    private static Task<Guid?> DefaultAdministratorAsync(PurserDbContext db, Guid accountId, CancellationToken ct) =>
        db.RoleAssignments.Where(r => r.BillingAccountId == accountId && r.Role == Access.BillingRole.AccountAdministrator)
            .OrderBy(r => r.CreatedAt).Select(r => (Guid?)r.UserId).FirstOrDefaultAsync(ct);

    internal static SubscriptionView View(Subscription s) => new(s.Id, s.BillingAccountId, s.BillingProfileId, s.DisplayName, s.OfferType, s.State,
        s.OrderId, s.PartnerId, s.ServiceAdministratorId, s.NeedsReconfiguration, new DateTimeOffset(s.CreatedAt, TimeSpan.Zero), new DateTimeOffset(s.RecordedAt, TimeSpan.Zero));
}
