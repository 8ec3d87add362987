using Purser.Engine.Access;

namespace Purser.Engine.Consumption;

/// <summary>
/// The ARM scope a Consumption resource (a budget) lives at, in its canonical spelling, with the
/// ids that choose which charges count there.
/// </summary>
public sealed record ConsumptionScope(string Path, Guid AccountId, Guid? ProfileId, Guid? SubscriptionId)
{
    public static ConsumptionScope Of(BillingScope billing)
    {
        ArgumentNullException.ThrowIfNull(billing);
        var account = $"/providers/Microsoft.Billing/billingAccounts/{billing.AccountName}";
        return billing.ProfileId is { } profile
            ? new(account + $"/billingProfiles/{billing.ProfileName}", billing.AccountId, profile, null)
            : new(account, billing.AccountId, null, null);
    }

    /// <summary>A subscription, whose billing scope is the profile it is billed to.</summary>
    public static ConsumptionScope OfSubscription(BillingScope profile, Guid subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new($"/subscriptions/{subscriptionId:D}", profile.AccountId, profile.ProfileId, subscriptionId);
    }
}
