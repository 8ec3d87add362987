using System.ComponentModel.DataAnnotations;
using Purser.Core.Lifecycle;

namespace Purser.Engine.Subscriptions;

/// <summary>
/// A new subscription. <see cref="StartDate"/> is a local day of the profile: for LicenseBased the first day of its seats
/// (up to a year either way), for invoiced offers a start up to a year back (onboarding a customer with history); trials
/// and prepaid subscriptions start with their first payment.
/// </summary>
public sealed record NewSubscription([property: Required] Guid? BillingProfileId, [property: Required] string? DisplayName, [property: Required] string? OfferType, string? PartnerId,
    Guid? ServiceAdministratorId, Guid? LicenseMeterId, int? Seats, DateOnly? StartDate = null);

/// <summary>From <see cref="EffectiveDate"/> (a local day of the profile, possibly past: R-LATE) the subscription holds <see cref="Seats"/> licenses.</summary>
public sealed record NewSeatChange([property: Required] DateOnly? EffectiveDate, [property: Required] int? Seats);

/// <summary>Cancel with effect <see cref="EffectiveDate"/>, the first local day not used.</summary>
public sealed record NewCancellation([property: Required] DateOnly? EffectiveDate);

/// <summary>R-SUBEDIT and R-PARTNER: any field left null is unchanged; an empty partner id unlinks the partner.</summary>
public sealed record SubscriptionChange(string? DisplayName, Guid? ServiceAdministratorId, string? PartnerId);

public sealed record SubscriptionView(Guid Id, Guid BillingAccountId, Guid BillingProfileId, string DisplayName, OfferType OfferType, SubscriptionState State,
    string OrderId, string? PartnerId, Guid? ServiceAdministratorId, bool NeedsReconfiguration, DateTimeOffset CreatedAt, DateTimeOffset RecordedAt);
