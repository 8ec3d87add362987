using Purser.Engine.Usage;
using Purser.Server.Hosting;

namespace Purser.Server.Operator;

/// <summary>A subscription's usage series as the operator API answers it: costs as numbers in the profile's currency, never real-time.</summary>
public sealed record UsageSeriesReply(Guid SubscriptionId, string Currency, DateOnly From, DateOnly To, DateTimeOffset AsOf, bool RealTime,
    IReadOnlyList<UsageSeriesDayReply> Days)
{
    public static UsageSeriesReply Of(UsageSeries s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.SubscriptionId, s.Currency.Code, s.From, s.To, s.AsOf, RealTime: false, [.. s.Days.Select(UsageSeriesDayReply.Of)]);
    }
}

public sealed record UsageSeriesDayReply(DateOnly Date, decimal Cost, IReadOnlyList<UsageSeriesMeterReply> Meters)
{
    public static UsageSeriesDayReply Of(UsageSeriesDay d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Date, StoredDecimal.Plain(d.Cost.Amount), [.. d.Meters.Select(UsageSeriesMeterReply.Of)]);
    }
}

/// <summary>A meter's day: its cost is null when the meter had no price.</summary>
public sealed record UsageSeriesMeterReply(Guid MeterId, string MeterName, string Unit, decimal Quantity, decimal? Cost)
{
    public static UsageSeriesMeterReply Of(UsageSeriesMeter m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.MeterId, m.MeterName, m.Unit, StoredDecimal.Plain(m.Quantity), m.Cost is { } c ? StoredDecimal.Plain(c.Amount) : null);
    }
}
