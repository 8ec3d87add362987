using Purser.Core;
using Purser.Engine.Usage;
using Purser.Server.Hosting;

namespace Purser.Server.Arm.Consumption;

/// <summary>
/// usageDetails.list at subscription (kind legacy), billing account and billing profile scope
/// (kind modern): one line per usage event, <c>$filter</c> on usage dates, <c>$top</c> and
/// <c>$skiptoken</c> paging through nextLink. <c>$expand</c> is accepted and ignored: meter
/// details are always included. Every <c>metric</c> answers the same cost: usage here is
/// neither reserved nor amortized.
/// </summary>
public static class UsageDetailEndpoints
{
    private const string Account = "/providers/Microsoft.Billing/billingAccounts/{account}";
    private const string UsageDetails = "/providers/Microsoft.Consumption/usageDetails";
    private static readonly string[] Metrics = ["actualcost", "amortizedcost", "usage"];

    public static void MapUsageDetails(this RouteGroupBuilder consumption)
    {
        consumption.MapGet("/subscriptions/{subscription}" + UsageDetails, (HttpContext http, UsageDetailQueries usage) =>
        {
            var scope = http.ConsumptionScope();
            return ListAsync(http, usage, UsageScope.Subscription(scope.AccountId, scope.ProfileId!.Value, scope.SubscriptionId!.Value),
                line => UsageDetailShapes.Legacy(scope.Path, line));
        }).RequiresScope(Permission.Read);

        consumption.MapGet(Account + UsageDetails, (HttpContext http, UsageDetailQueries usage) =>
        {
            var scope = http.Scope();
            return ListAsync(http, usage, UsageScope.Account(scope.AccountId), line => UsageDetailShapes.Modern(ArmIds.Of(scope), line));
        }).RequiresScope(Permission.Read);

        consumption.MapGet(Account + "/billingProfiles/{profile}" + UsageDetails, (HttpContext http, UsageDetailQueries usage) =>
        {
            var scope = http.Scope();
            return ListAsync(http, usage, UsageScope.Profile(scope.AccountId, scope.ProfileId!.Value), line => UsageDetailShapes.Modern(ArmIds.Of(scope), line));
        }).RequiresScope(Permission.Read);
    }

    private static async Task<IResult> ListAsync(HttpContext http, UsageDetailQueries usage, UsageScope scope, Func<UsageDetailLine, object> shape)
    {
        var metric = http.Request.Query["metric"].ToString();
        if (metric.Length > 0 && !Metrics.Contains(metric, StringComparer.OrdinalIgnoreCase))
            return ArmError.Result(RefusalCode.InvalidParameter, $"'metric' must be one of {string.Join(", ", Metrics)}, not '{metric}'.", "metric");
        var filter = UsageDetailFilter.Parse(http.Request.Query["$filter"]);
        if (!filter.IsValid)
            return ArmError.Result(RefusalCode.InvalidFilter, filter.Error!, "$filter");
        var size = ArmPage.Size(http.Request);
        var lines = await usage.PageAsync(scope, filter.Days, ArmPage.Offset(http.Request), size + 1, http.RequestAborted);
        return ArmPage.Of(http.Request, [.. lines.Select(shape)], size);
    }
}
