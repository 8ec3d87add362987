using System.ComponentModel.DataAnnotations;
using Purser.Core.Monetary;

namespace Purser.Engine.Catalog;

public sealed record NewMeter([property: Required] string? Name, [property: Required] string? Category, string? SubCategory, [property: Required] string? Unit, bool? CreditEligible);

public sealed record MeterView(Guid Id, string Name, string Category, string? SubCategory, string Unit, bool CreditEligible);

/// <summary>A new price for a meter in one currency from an effective instant on; announced now.</summary>
public sealed record NewPriceVersion([property: Required] string? Currency, [property: Required] decimal? UnitPrice, DateTimeOffset? EffectiveFrom);

public sealed record PriceVersionView(long Id, Guid MeterId, Money UnitPrice, DateTimeOffset EffectiveFrom, DateTimeOffset AnnouncedAt);
