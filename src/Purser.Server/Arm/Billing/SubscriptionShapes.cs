using Purser.Core.Lifecycle;
using Purser.Engine.Subscriptions;

namespace Purser.Server.Arm.Billing;

/// <summary>BillingSubscription resources of a billing profile (Microsoft.Billing 2020-05-01).</summary>
public static class SubscriptionShapes
{
    public static object Subscription(string account, string profile, BillingSubscriptionRecord subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var profileId = ArmIds.Profile(account, profile);
        var name = subscription.Id.ToString("D");
        return new
        {
            id = ArmIds.BillingSubscription(account, profile, name),
            name,
            type = ArmIds.SubscriptionType,
            properties = new
            {
                displayName = subscription.DisplayName,
                subscriptionId = name,
                subscriptionBillingStatus = BillingStatus(subscription.State),
                lastMonthCharges = ArmAmount.Of(subscription.Currency, subscription.LastMonthCharges),
                monthToDateCharges = ArmAmount.Of(subscription.Currency, subscription.MonthToDateCharges),
                billingProfileId = profileId,
                skuId = subscription.OfferType.ToString(),
                suspensionReasons = Array.Empty<string>(),
            },
        };
    }

    /// <summary>Our lifecycle states as the client's SubscriptionBillingStatus enum spells them: Active and Deleted as we do, the rest Inactive.</summary>
    public static string BillingStatus(SubscriptionState state) => state switch
    {
        SubscriptionState.Active or SubscriptionState.Deleted => state.ToString(),
        _ => "Inactive",
    };
}
