using Purser.Core.Lifecycle;

namespace Purser.Engine.Consumption;

/// <summary>The prices in force for one subscription, in its billing profile's currency.</summary>
public sealed record PriceSheetView(Guid SubscriptionId, OfferType OfferType, string Currency, BillingMonth Month, IReadOnlyList<MeterPrice> Prices);

/// <summary>A meter and the unit price in force for it.</summary>
public sealed record MeterPrice(Guid MeterId, string MeterName, string Category, string? SubCategory, string Unit, decimal UnitPrice, DateTimeOffset EffectiveFrom);
