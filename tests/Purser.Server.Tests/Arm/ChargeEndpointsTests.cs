using System.Net;
using System.Text.Json;
using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.Arm.ConsumptionCallers;

namespace Purser.Server.Tests.Arm;

public class ChargeEndpointsTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Account_charges_sum_seed_004_per_profile_and_range(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var seed = await Seed004Scenario.LoadAsync(api);
        await ChargeAsync(api, seed.ProfileId, 5.00m, api.Clock.GetUtcNow(), creditEligible: false);
        using var reader = api.Client(await TokenAsync(api, seed.AccountId, "BillingAccountReader", seed.AccountId));
        var charges = $"{AccountPath(seed)}/providers/Microsoft.Consumption/charges?{ApiVersion}";

        var both = Single(await GetAsync(reader, $"{charges}&startDate=2019-09-01&endDate=2019-10-31"));
        Assert.Equal("modern", both.GetProperty("kind").GetString());
        var p = both.GetProperty("properties");
        Assert.Equal(3.87m, Amount(p, "azureCharges"));
        Assert.Equal(5.00m, Amount(p, "chargesBilledSeparately"));
        Assert.Equal(5.00m, Amount(p, "marketplaceCharges"));
        Assert.Equal("USD", p.GetProperty("azureCharges").GetProperty("currency").GetString());
        Assert.False(p.GetProperty("isInvoiced").GetBoolean());
        Assert.EndsWith($"/billingProfiles/{seed.ProfileName}", p.GetProperty("billingProfileId").GetString(), StringComparison.Ordinal);

        var september = Single(await GetAsync(reader, $"{charges}&startDate=2019-09-01&endDate=2019-09-30")).GetProperty("properties");
        Assert.Equal((2.13m, 0m, true), (Amount(september, "azureCharges"), Amount(september, "chargesBilledSeparately"), september.GetProperty("isInvoiced").GetBoolean()));

        var currentMonth = Single(await GetAsync(reader, charges)).GetProperty("properties");
        Assert.Equal(1.74m, Amount(currentMonth, "azureCharges"));
        Assert.Equal(new DateTimeOffset(2019, 10, 1, 0, 0, 0, TimeSpan.Zero), currentMonth.GetProperty("usageStart").GetDateTimeOffset());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Profile_charges_answer_the_profile_reader_and_refuse_what_they_cannot_honour(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var seed = await Seed004Scenario.LoadAsync(api);
        using var reader = api.Client(seed.ReaderToken);
        var charges = $"{ProfilePath(seed)}/providers/Microsoft.Consumption/charges?{ApiVersion}";

        var summary = Single(await GetAsync(reader, $"{charges}&startDate=2019-09-01&endDate=2019-10-31")).GetProperty("properties");
        Assert.Equal(3.87m, Amount(summary, "azureCharges"));

        var filtered = await GetAsync(reader, $"{charges}&$filter=properties/chargeType eq 'Usage'", HttpStatusCode.BadRequest);
        Assert.Equal("$filter", filtered.GetProperty("error").GetProperty("target").GetString());
        var backwards = await GetAsync(reader, $"{charges}&startDate=2019-10-31&endDate=2019-09-01", HttpStatusCode.BadRequest);
        Assert.Equal("endDate", backwards.GetProperty("error").GetProperty("target").GetString());
        await GetAsync(reader, $"{AccountPath(seed)}/providers/Microsoft.Consumption/charges?{ApiVersion}", HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(MonthEdgeWorld.EnginesAndZones), MemberType = typeof(MonthEdgeWorld))]
    public async Task The_current_month_and_instants_in_a_range_are_the_profiles_local_days(StorageEngine engine, string timeZone)
    {
        await using var api = await MonthEdgeWorld.StartApiAsync(engine);
        var w = await MonthEdgeWorld.CreateAsync(api, timeZone);
        using var op = api.Operator();
        var charges = $"{w.ProfilePath}/providers/Microsoft.Consumption/charges?{ApiVersion}";
        var atAccount = $"{w.AccountPath}/providers/Microsoft.Consumption/charges?{ApiVersion}";
        static (DateTimeOffset, decimal) StartAndAmount(JsonElement p) => (p.GetProperty("usageStart").GetDateTimeOffset(), Amount(p, "azureCharges"));

        w.BeforeMidnight();
        var january = (new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), 1.00m);
        Assert.Equal(january, StartAndAmount(Single(await GetAsync(op, charges)).GetProperty("properties")));
        Assert.Equal(january, StartAndAmount(Single(await GetAsync(op, atAccount)).GetProperty("properties")));

        await w.AfterMidnightAsync();
        var february = (new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), 4.00m);
        Assert.Equal(february, StartAndAmount(Single(await GetAsync(op, charges)).GetProperty("properties")));
        Assert.Equal(february, StartAndAmount(Single(await GetAsync(op, atAccount)).GetProperty("properties")));

        // 23:55 is on Jan 31 and 00:05 on Feb 1 in the profile's zone, whichever UTC day the instant names.
        var from2355 = Single(await GetAsync(op, $"{charges}&startDate={MonthEdgeWorld.Utc(w.Local(1, 31, 23, 55))}&endDate=2024-02-29")).GetProperty("properties");
        Assert.Equal((new DateTimeOffset(2024, 1, 31, 0, 0, 0, TimeSpan.Zero), 7.00m), StartAndAmount(from2355));
        var from0005 = Single(await GetAsync(op, $"{charges}&startDate={MonthEdgeWorld.Utc(w.Local(2, 1, 0, 5))}&endDate=2024-02-29")).GetProperty("properties");
        Assert.Equal(february, StartAndAmount(from0005));
    }

    private static JsonElement Single(JsonElement list) => Assert.Single(list.GetProperty("value").EnumerateArray().ToList());

    private static decimal Amount(JsonElement properties, string name) => properties.GetProperty(name).GetProperty("value").GetDecimal();
}
