using System.Net;
using System.Text.Json;
using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.Arm.ConsumptionCallers;

namespace Purser.Server.Tests.Arm;

public class BalanceEndpointsTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task September_and_the_current_month_follow_seed_004(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var seed = await Seed004Scenario.LoadAsync(api);
        using var reader = api.Client(await TokenAsync(api, seed.AccountId, "BillingAccountReader", seed.AccountId));

        var september = await GetAsync(reader, $"{AccountPath(seed)}/billingPeriods/201909/providers/Microsoft.Consumption/balances?{ApiVersion}");
        var s = september.GetProperty("properties");
        Assert.Equal("201909", september.GetProperty("name").GetString());
        Assert.Equal("Microsoft.Consumption/balances", september.GetProperty("type").GetString());
        Assert.Equal((0m, 1000m, 2.13m, 997.87m), (N(s, "beginningBalance"), N(s, "newPurchases"), N(s, "utilized"), N(s, "endingBalance")));
        Assert.Equal((2.13m, 0m, 0m, 0m), (N(s, "totalUsage"), N(s, "serviceOverage"), N(s, "chargesBilledSeparately"), N(s, "totalOverage")));
        Assert.Equal(("USD", "Month", false), (s.GetProperty("currency").GetString(), s.GetProperty("billingFrequency").GetString(), s.GetProperty("priceHidden").GetBoolean()));
        Assert.Equal([500m, 500m], s.GetProperty("newPurchasesDetails").EnumerateArray().Select(d => d.GetProperty("value").GetDecimal()));
        Assert.Empty(s.GetProperty("adjustmentDetails").EnumerateArray());

        var october = (await GetAsync(reader, $"{AccountPath(seed)}/providers/Microsoft.Consumption/balances?{ApiVersion}")).GetProperty("properties");
        Assert.Equal((997.87m, 0m, 1.74m, 996.13m), (N(october, "beginningBalance"), N(october, "newPurchases"), N(october, "utilized"), N(october, "endingBalance")));
        Assert.Equal(1.74m, N(october, "totalUsage"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Charges_beyond_credit_and_ineligible_charges_are_overage(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var seed = await Seed004Scenario.LoadAsync(api);
        await ChargeAsync(api, seed.ProfileId, 5.00m, api.Clock.GetUtcNow(), creditEligible: false);
        await ChargeAsync(api, seed.ProfileId, 1000.00m, api.Clock.GetUtcNow());
        using var op = api.Operator();

        var p = (await GetAsync(op, $"{AccountPath(seed)}/billingPeriods/201910/providers/Microsoft.Consumption/balances?{ApiVersion}")).GetProperty("properties");

        Assert.Equal(997.87m, N(p, "utilized"));
        Assert.Equal(0m, N(p, "endingBalance"));
        Assert.Equal(3.87m, N(p, "serviceOverage"));
        Assert.Equal(5.00m, N(p, "chargesBilledSeparately"));
        Assert.Equal(5.00m, N(p, "azureMarketplaceServiceCharges"));
        Assert.Equal(8.87m, N(p, "totalOverage"));
        Assert.Equal(1006.74m, N(p, "totalUsage"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Profile_readers_bad_periods_and_strangers_are_refused(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var seed = await Seed004Scenario.LoadAsync(api);
        var other = await Seed004Scenario.LoadAsync(api);
        using var profileReader = api.Client(seed.ReaderToken);
        using var stranger = api.Client(await TokenAsync(api, other.AccountId, "BillingAccountOwner", other.AccountId));
        using var op = api.Operator();
        var balances = $"{AccountPath(seed)}/providers/Microsoft.Consumption/balances?{ApiVersion}";

        await GetAsync(profileReader, balances, HttpStatusCode.Forbidden);
        await GetAsync(stranger, balances, HttpStatusCode.NotFound);
        var bad = await GetAsync(op, $"{AccountPath(seed)}/billingPeriods/2019-10/providers/Microsoft.Consumption/balances?{ApiVersion}", HttpStatusCode.BadRequest);
        Assert.Equal("billingPeriodName", bad.GetProperty("error").GetProperty("target").GetString());
        await GetAsync(op, $"{AccountPath(seed)}/billingPeriods/201913/providers/Microsoft.Consumption/balances?{ApiVersion}", HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(MonthEdgeWorld.EnginesAndZones), MemberType = typeof(MonthEdgeWorld))]
    public async Task The_current_month_is_the_local_one(StorageEngine engine, string timeZone)
    {
        await using var api = await MonthEdgeWorld.StartApiAsync(engine);
        var w = await MonthEdgeWorld.CreateAsync(api, timeZone);
        using var op = api.Operator();
        var current = $"{w.AccountPath}/providers/Microsoft.Consumption/balances?{ApiVersion}";

        w.BeforeMidnight();
        Assert.Equal("202401", (await GetAsync(op, current)).GetProperty("name").GetString());
        await w.AfterMidnightAsync();
        Assert.Equal("202402", (await GetAsync(op, current)).GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(MonthEdgeWorld.EnginesAndZones), MemberType = typeof(MonthEdgeWorld))]
    public async Task Credit_drawn_after_local_midnight_counts_in_the_month_of_the_usage_it_paid(StorageEngine engine, string timeZone)
    {
        await using var api = await MonthEdgeWorld.StartApiAsync(engine);
        var w = await MonthEdgeWorld.CreateAsync(api, timeZone);
        await w.AfterMidnightAsync();
        using var op = api.Operator();
        string Period(string name) => $"{w.AccountPath}/billingPeriods/{name}/providers/Microsoft.Consumption/balances?{ApiVersion}";

        // January's 23:50 usage was drawn at 00:30 on Feb 1, and still counts in January.
        var january = (await GetAsync(op, Period("202401"))).GetProperty("properties");
        Assert.Equal((0m, 100m, 3m, 97m), (N(january, "beginningBalance"), N(january, "newPurchases"), N(january, "utilized"), N(january, "endingBalance")));
        Assert.Equal((3m, 0m), (N(january, "totalUsage"), N(january, "serviceOverage")));
        var february = (await GetAsync(op, Period("202402"))).GetProperty("properties");
        Assert.Equal((97m, 0m, 4m, 93m), (N(february, "beginningBalance"), N(february, "newPurchases"), N(february, "utilized"), N(february, "endingBalance")));
        Assert.Equal((4m, 0m), (N(february, "totalUsage"), N(february, "serviceOverage")));
    }

    private static decimal N(JsonElement properties, string name) => properties.GetProperty(name).GetDecimal();
}
