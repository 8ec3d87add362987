using Microsoft.AspNetCore.Http.HttpResults;
using Purser.Engine.Usage;
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
        ops.MapGet("/subscriptions/{subscriptionId:guid}/usageSeries", async Task<Results<Ok<UsageSeriesReply>, JsonHttpResult<ArmErrorBody>>> (
                Guid subscriptionId, UsageSeriesQueries series, CancellationToken ct) =>
            await series.OfSubscriptionAsync(subscriptionId, ct) is { } s
                ? TypedResults.Ok(UsageSeriesReply.Of(s))
                : ArmError.NotFound($"Subscription '{subscriptionId}'"))
            .WithTags(OperatorTags.Usage);
        return ops;
    }
}
