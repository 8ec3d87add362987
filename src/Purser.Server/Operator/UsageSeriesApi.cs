using Purser.Engine.Usage;
using Purser.Server.Arm.Consumption;
using Purser.Server.Hosting;

namespace Purser.Server.Operator;

/// <summary>
/// Operator API: a subscription's usage over today and the ten days before it (R-OVERVIEW), per
/// local day and meter, as the portal overview shows it — labelled there as not real-time.
/// </summary>
public static class UsageSeriesApi
{
    public static RouteGroupBuilder MapUsageSeriesApi(this RouteGroupBuilder ops)
    {
        ops.MapGet("/subscriptions/{subscriptionId:guid}/usageSeries", async (Guid subscriptionId, UsageSeriesQueries series, CancellationToken ct) =>
            await series.OfSubscriptionAsync(subscriptionId, ct) is { } s
                ? Results.Json(Shape(s))
                : ArmError.NotFound($"Subscription '{subscriptionId}'"))
            .WithTags(OperatorTags.Usage);
        return ops;
    }

    private static object Shape(UsageSeries s) => new
    {
        subscriptionId = s.SubscriptionId,
        currency = s.Currency.Code,
        from = s.From,
        to = s.To,
        asOf = s.AsOf,
        realTime = false,
        days = s.Days.Select(d => new
        {
            date = d.Date,
            cost = StoredDecimal.Plain(d.Cost.Amount),
            meters = d.Meters.Select(m => new
            {
                meterId = m.MeterId,
                meterName = m.MeterName,
                unit = m.Unit,
                quantity = StoredDecimal.Plain(m.Quantity),
                cost = m.Cost is { } c ? StoredDecimal.Plain(c.Amount) : (decimal?)null,
            }),
        }),
    };
}
