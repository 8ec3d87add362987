using System.Net;
using Purser.Engine;
using Purser.Engine.Storage.Entities;
using Purser.Testing;
using static Purser.Server.Tests.Arm.ConsumptionCallers;

namespace Purser.Server.Tests.Arm;

public class PriceSheetEndpointsTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_price_sheet_holds_the_prices_in_force_now_in_the_profile_currency(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var seed = await Seed004Scenario.LoadAsync(api);
        var subscription = await SubscriptionAsync(api, seed.ProfileId);
        var (storage, compute, unpriced) = (Meter("Hot LRS", "Storage", "GB/Month"), Meter("D2 v3", "Virtual Machines", "1 Hour"), Meter("Legacy", "Other", "1"));
        await using (var db = api.Database.Store.CreateContext())
        {
            db.Meters.AddRange(storage, compute, unpriced);
            db.PriceVersions.AddRange(
                Price(storage, "USD", 0.10m, new DateTime(2019, 1, 1)),
                Price(storage, "USD", 0.12m, new DateTime(2019, 10, 1)),
                Price(storage, "USD", 0.20m, new DateTime(2019, 12, 1)),
                Price(storage, "CNY", 0.70m, new DateTime(2019, 10, 1)),
                Price(compute, "USD", 1.50m, new DateTime(2019, 6, 1)),
                Price(unpriced, "CNY", 9.00m, new DateTime(2019, 6, 1)));
            await db.SaveChangesAsync();
        }
        using var reader = api.Client(seed.ReaderToken);

        var sheet = await GetAsync(reader, $"/subscriptions/{subscription}/providers/Microsoft.Consumption/pricesheets/default?{ApiVersion}");

        Assert.Equal("Microsoft.Consumption/pricesheets", sheet.GetProperty("type").GetString());
        var prices = sheet.GetProperty("properties").GetProperty("pricesheets").EnumerateArray().ToList();
        Assert.Equal(["Hot LRS", "D2 v3"], prices.Select(p => p.GetProperty("meterDetails").GetProperty("meterName").GetString()));
        Assert.Equal([0.12m, 1.50m], prices.Select(p => p.GetProperty("unitPrice").GetDecimal()));
        Assert.All(prices, p => Assert.Equal("USD", p.GetProperty("currencyCode").GetString()));
        Assert.Equal(storage.Id, prices[0].GetProperty("meterId").GetGuid());
        Assert.Equal("GB/Month", prices[0].GetProperty("unitOfMeasure").GetString());
        Assert.Equal("PayAsYouGo", prices[0].GetProperty("offerId").GetString());
        Assert.EndsWith("/billingPeriods/201910", prices[0].GetProperty("billingPeriodId").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Unknown_malformed_and_foreign_subscriptions_are_not_found(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var seed = await Seed004Scenario.LoadAsync(api);
        var other = await Seed004Scenario.LoadAsync(api);
        var subscription = await SubscriptionAsync(api, seed.ProfileId);
        using var stranger = api.Client(other.ReaderToken);
        using var op = api.Operator();
        string Sheet(object s) => $"/subscriptions/{s}/providers/Microsoft.Consumption/pricesheets/default?{ApiVersion}";

        await GetAsync(stranger, Sheet(subscription), HttpStatusCode.NotFound);
        await GetAsync(op, Sheet(Guid.NewGuid()), HttpStatusCode.NotFound);
        await GetAsync(op, Sheet("not-a-subscription"), HttpStatusCode.NotFound);
        var empty = await GetAsync(op, Sheet(subscription));
        Assert.Empty(empty.GetProperty("properties").GetProperty("pricesheets").EnumerateArray());
    }

    private static Meter Meter(string name, string category, string unit) =>
        new() { Id = Guid.NewGuid(), Name = name, Category = category, SubCategory = "Standard", Unit = unit, CreatedAt = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc) };

    [Theory]
    [MemberData(nameof(MonthEdgeWorld.EnginesAndZones), MemberType = typeof(MonthEdgeWorld))]
    public async Task The_billing_period_of_the_sheet_is_the_profiles_local_month(StorageEngine engine, string timeZone)
    {
        await using var api = await MonthEdgeWorld.StartApiAsync(engine);
        var w = await MonthEdgeWorld.CreateAsync(api, timeZone);
        using var op = api.Operator();
        var sheet = $"/subscriptions/{w.Fixture.SubscriptionId}/providers/Microsoft.Consumption/pricesheets/default?{ApiVersion}";
        var period = $"/subscriptions/{w.Fixture.SubscriptionId}/providers/Microsoft.Billing/billingPeriods/";

        w.BeforeMidnight();
        Assert.StartsWith(period + "202401/", (await GetAsync(op, sheet)).GetProperty("id").GetString(), StringComparison.Ordinal);
        await w.AfterMidnightAsync();
        Assert.StartsWith(period + "202402/", (await GetAsync(op, sheet)).GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    private static PriceVersion Price(Meter meter, string currency, decimal price, DateTime from) => new()
    {
        MeterId = meter.Id, Currency = currency, UnitPrice = price,
        EffectiveFrom = DateTime.SpecifyKind(from, DateTimeKind.Utc), AnnouncedAt = DateTime.SpecifyKind(from.AddDays(-30), DateTimeKind.Utc),
    };
}
