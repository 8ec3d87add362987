using Purser.Engine.Consumption;
using Purser.Server.Hosting;

namespace Purser.Server.Arm.Consumption;

/// <summary>The price sheet of a subscription: the prices in force now, in one unpaged answer.</summary>
public static class PriceSheetEndpoints
{
    public static void MapPriceSheet(this RouteGroupBuilder consumption) =>
        consumption.MapGet("/subscriptions/{subscription}/providers/Microsoft.Consumption/pricesheets/default",
            async (HttpContext http, string subscription, PriceSheetQueries prices) =>
            {
                var sheet = await prices.OfSubscriptionAsync(http.ConsumptionScope().SubscriptionId!.Value, http.RequestAborted);
                return sheet is null ? ArmError.NotFound($"Subscription '{subscription}'") : Results.Json(CostShapes.PriceSheet(sheet));
            }).RequiresScope(Permission.Read);
}
