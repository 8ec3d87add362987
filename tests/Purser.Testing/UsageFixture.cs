using System.Net;
using System.Text.Json;

namespace Purser.Testing;

/// <summary>A billing profile (CNY, Shanghai time unless told another zone) with one subscription and a meter, made through the operator API.</summary>
public sealed record UsageFixture(Guid AccountId, Guid ProfileId, Guid SubscriptionId, Guid MeterId)
{
    public static async Task<UsageFixture> CreateAsync(PurserApi api, string offerType = "PayAsYouGo", bool creditEligible = true, string timeZone = "Asia/Shanghai")
    {
        ArgumentNullException.ThrowIfNull(api);
        using var op = api.Operator();
        return await CreateAsync(op, offerType, creditEligible, timeZone);
    }

    /// <summary>The same through any operator client: a <see cref="PurserProcess"/>, or a load balancer in front of several.</summary>
    public static async Task<UsageFixture> CreateAsync(HttpClient op, string offerType = "PayAsYouGo", bool creditEligible = true, string timeZone = "Asia/Shanghai")
    {
        var account = await PurserApi.CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName = "上海云启科技", agreementType = "MicrosoftOnlineServicesProgram", accountType = "Individual",
            soldTo = new { addressLine1 = "世纪大道 100 号", country = "CN" },
        });
        var accountId = account.GetProperty("id").GetGuid();
        var profile = await PurserApi.CreatedAsync(op, "/ops/billingProfiles", new { billingAccountId = accountId, displayName = "生产", currency = "CNY", timeZone });
        var profileId = profile.GetProperty("id").GetGuid();
        var meter = await PurserApi.CreatedAsync(op, "/ops/meters", new { name = "虚拟机 D2 v3", category = "Virtual Machines", unit = "1 Hour", creditEligible });
        var subscription = await PurserApi.CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = profileId, displayName = "生产环境", offerType });
        return new UsageFixture(accountId, profileId, subscription.GetProperty("id").GetGuid(), meter.GetProperty("id").GetGuid());
    }

    public object Event(string id, decimal quantity, DateTimeOffset at, string? resourceId = null) =>
        new { eventId = id, subscriptionId = SubscriptionId, meterId = MeterId, quantity, timestamp = at, resourceId };
}
