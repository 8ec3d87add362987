using Purser.Engine.Subscriptions;

namespace Purser.Server.Arm.Billing;

/// <summary>The subscriptions billed to a billing profile, with last month's and this month's charges.</summary>
public static class BillingSubscriptionsEndpoints
{
    public static void MapBillingSubscriptions(this RouteGroupBuilder billing) =>
        billing.MapGet("/billingAccounts/{account}/billingProfiles/{profile}/billingSubscriptions", async (HttpContext http, BillingSubscriptionQueries subscriptions) =>
        {
            var scope = http.Scope();
            var found = await subscriptions.OfProfileAsync(scope.ProfileId!.Value, http.RequestAborted);
            return BillingLists.Page(http.Request, found, s => SubscriptionShapes.Subscription(scope.AccountName, scope.ProfileName!, s));
        }).RequiresScope(Permission.Read);
}
