using Purser.Core.Lifecycle;

namespace Purser.Engine.Subscriptions;

/// <summary>A subscription as a billing profile lists it, with what was charged to it last month and this month so far.</summary>
public sealed record BillingSubscriptionRecord(Guid Id, Guid BillingProfileId, string DisplayName, OfferType OfferType, SubscriptionState State,
    string Currency, decimal LastMonthCharges, decimal MonthToDateCharges);
