using Microsoft.EntityFrameworkCore;
using Purser.Core.Lifecycle;
using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.Arm.Billing.BillingTenant;

namespace Purser.Server.Tests.Arm.Billing;

public class BillingSubscriptionsEndpointsTests
{
    private static readonly string[] Names = ["Web", "Batch", "Old"];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Billing_subscriptions_carry_status_and_last_and_this_months_charges(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var tenant = await BuildAsync(api);
        using var reader = tenant.As("BillingProfileReader");

        var listed = await BillingJson.ValuesAsync(reader, $"{tenant.ProfilePath(tenant.Development)}/billingSubscriptions?{ApiVersion}");

        Assert.Equal(3, listed.Count);
        var byName = listed.ToDictionary(s => s.Props().Str("displayName"), StringComparer.Ordinal);
        var web = byName["Web"];
        var id = tenant.Subscriptions["Web"].ToString();
        Assert.Equal($"/providers/Microsoft.Billing/billingAccounts/{tenant.AccountName}/billingProfiles/{tenant.Development.Name}/billingSubscriptions/{id}", web.Str("id"));
        Assert.Equal(id, web.Str("name"));
        Assert.Equal("Microsoft.Billing/billingAccounts/billingProfiles/billingSubscriptions", web.Str("type"));
        Assert.Equal(id, web.Props().Str("subscriptionId"));
        Assert.Equal($"/providers/Microsoft.Billing/billingAccounts/{tenant.AccountName}/billingProfiles/{tenant.Development.Name}", web.Props().Str("billingProfileId"));
        Assert.Equal("PayAsYouGo", web.Props().Str("skuId"));
        Assert.Empty(web.Props().GetProperty("suspensionReasons").EnumerateArray());
        // Today is 2019-10-10: September had 2.50 on Web and 1.25 on Batch; October so far 3.00 + 0.75 on Web.
        Assert.Equal([2.50m, 3.75m, 1.25m, 0m, 0m, 0m], Names
            .SelectMany(n => new[] { byName[n].Props().Value("lastMonthCharges"), byName[n].Props().Value("monthToDateCharges") }));
        Assert.All(listed, s => Assert.Equal("USD", s.Props().GetProperty("monthToDateCharges").Str("currency")));
        Assert.Equal(["Active", "Inactive", "Deleted"], Names.Select(n => byName[n].Props().Str("subscriptionBillingStatus")));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_cancelled_subscription_is_inactive_and_another_profile_lists_none(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var tenant = await BuildAsync(api);
        await using (var db = api.Database.Store.CreateContext())
        {
            var web = await db.Subscriptions.SingleAsync(s => s.Id == tenant.Subscriptions["Web"]);
            web.State = SubscriptionState.Cancelled;
            await db.SaveChangesAsync();
        }
        using var op = api.Operator();

        var listed = await BillingJson.ValuesAsync(op, $"{tenant.ProfilePath(tenant.Development)}/billingSubscriptions?{ApiVersion}");
        Assert.Equal("Inactive", listed.Single(s => s.Props().Str("displayName") == "Web").Props().Str("subscriptionBillingStatus"));
        Assert.Empty(await BillingJson.ValuesAsync(op, $"{tenant.ProfilePath(tenant.Operations)}/billingSubscriptions?{ApiVersion}"));
    }

    [Theory]
    [MemberData(nameof(MonthEdgeWorld.EnginesAndZones), MemberType = typeof(MonthEdgeWorld))]
    public async Task This_month_and_last_are_the_profiles_local_months(StorageEngine engine, string timeZone)
    {
        await using var api = await MonthEdgeWorld.StartApiAsync(engine);
        var w = await MonthEdgeWorld.CreateAsync(api, timeZone);
        using var op = api.Operator();
        var list = $"{w.ProfilePath}/billingSubscriptions?{ApiVersion}";

        w.BeforeMidnight();
        Assert.Equal([0m, 1.00m], Assert.Single(await BillingJson.ValuesAsync(op, list)).Props().Values("lastMonthCharges", "monthToDateCharges"));
        await w.AfterMidnightAsync();
        Assert.Equal([3.00m, 4.00m], Assert.Single(await BillingJson.ValuesAsync(op, list)).Props().Values("lastMonthCharges", "monthToDateCharges"));
    }
}
