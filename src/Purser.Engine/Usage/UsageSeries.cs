using Purser.Core.Monetary;

namespace Purser.Engine.Usage;

/// <summary>
/// A subscription's usage over the last days (R-OVERVIEW: on 8/15, 8/5–8/15), one entry per
/// local day, days without usage included. Built from the daily aggregates, so it is as fresh
/// as ingestion but is not a real-time meter: <see cref="AsOf"/> says when it was read.
/// </summary>
public sealed record UsageSeries(Guid SubscriptionId, Currency Currency, DateOnly From, DateOnly To, DateTimeOffset AsOf, IReadOnlyList<UsageSeriesDay> Days)
{
    /// <summary>Today and the ten days before it.</summary>
    public const int DayCount = 11;
}

/// <summary>A day's usage per meter; <see cref="Cost"/> sums the priced meters' day lines, each rounded as rating rounds it (R-ROUND).</summary>
public sealed record UsageSeriesDay(DateOnly Date, Money Cost, IReadOnlyList<UsageSeriesMeter> Meters);

/// <summary>A meter's quantity on a day and the rounded cost of that day line; null cost when the meter had no price.</summary>
public sealed record UsageSeriesMeter(Guid MeterId, string MeterName, string Unit, decimal Quantity, Money? Cost);
