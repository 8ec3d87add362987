using Purser.Core.Monetary;

namespace Purser.Core.Rating;

/// <summary>A meter's unit price from <see cref="EffectiveFrom"/> on, as announced at <see cref="AnnouncedAt"/>.</summary>
public sealed record PriceVersion(Money UnitPrice, DateTimeOffset EffectiveFrom, DateTimeOffset AnnouncedAt);
