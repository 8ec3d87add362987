namespace Purser.Engine.Usage;

/// <summary>
/// Whose usage a query reads: a whole billing account, one of its billing profiles, or one
/// subscription (with the profile it is billed to). The account id is always known, so every
/// query stays inside one tenant.
/// </summary>
public sealed record UsageScope
{
    private UsageScope(Guid accountId, Guid? profileId, Guid? subscriptionId) =>
        (AccountId, ProfileId, SubscriptionId) = (accountId, profileId, subscriptionId);

    public Guid AccountId { get; }
    public Guid? ProfileId { get; }
    public Guid? SubscriptionId { get; }

    public static UsageScope Account(Guid accountId) => new(accountId, null, null);

    public static UsageScope Profile(Guid accountId, Guid profileId) => new(accountId, profileId, null);

    public static UsageScope Subscription(Guid accountId, Guid profileId, Guid subscriptionId) => new(accountId, profileId, subscriptionId);
}
