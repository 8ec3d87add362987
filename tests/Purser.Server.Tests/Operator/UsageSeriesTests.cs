using System.Net;
using System.Text.Json;
using Purser.Core.Monetary;
using Purser.Engine;
using Purser.Server.Tests.Usage;
using Purser.Testing;
using static Purser.Server.Tests.Arm.ConsumptionCallers;

namespace Purser.Server.Tests.Operator;

public class UsageSeriesTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_series_holds_today_and_the_ten_days_before_in_the_profiles_zone_with_each_day_line_rounded(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, UsageWorld.Created);
        var w = await UsageWorld.CreateAsync(api);
        using var op = api.Operator();

        // 2019-09-20 04:00 UTC is noon on 9/20 in Shanghai: 9/10–9/20.
        var series = await GetAsync(op, $"/ops/subscriptions/{w.SubscriptionId}/usageSeries");
        Assert.Equal("2019-09-10", series.GetProperty("from").GetString());
        Assert.Equal("2019-09-20", series.GetProperty("to").GetString());
        Assert.False(series.GetProperty("realTime").GetBoolean());
        Assert.Equal("CNY", series.GetProperty("currency").GetString());
        var days = series.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(10, 11).Select(d => $"2019-09-{d:D2}"), days.Select(d => d.GetProperty("date").GetString()));

        var mine = w.Sent.Where(e => e.SubscriptionId == w.SubscriptionId).ToList();
        foreach (var day in days)
        {
            var date = DateOnly.Parse(day.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var used = mine.Where(e => e.Day == date).GroupBy(e => e.MeterId).ToDictionary(g => g.Key, g => (Quantity: g.Sum(e => e.Quantity), g.First().UnitPrice));
            var meters = day.GetProperty("meters").EnumerateArray().ToList();
            Assert.Equal(used.Keys.Order(), meters.Select(m => m.GetProperty("meterId").GetGuid()).Order());
            decimal? Rounded((decimal Quantity, decimal? UnitPrice) u) => u.UnitPrice is { } p ? new Money(p * u.Quantity, Currency.CNY).RoundAsCharge().Amount : null;
            foreach (var m in meters)
            {
                var u = used[m.GetProperty("meterId").GetGuid()];
                Assert.Equal(u.Quantity, m.GetProperty("quantity").GetDecimal());
                Assert.Equal(Rounded(u), m.GetProperty("cost").ValueKind == JsonValueKind.Null ? null : m.GetProperty("cost").GetDecimal());
            }
            Assert.Equal(used.Values.Sum(u => Rounded(u) ?? 0m), day.GetProperty("cost").GetDecimal());
        }
        Assert.Contains(days, d => d.GetProperty("meters").GetArrayLength() == 0);
        Assert.Contains(days, d => d.GetProperty("meters").GetArrayLength() == 2);
        // 9/10 is priced at 0.92, 9/11 on at 0.80; both have usage.
        Assert.All(days.Take(2), d => Assert.True(d.GetProperty("cost").GetDecimal() > 0m));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_series_is_for_operators_and_known_subscriptions(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, UsageWorld.Created);
        var w = await UsageWorld.CreateAsync(api);
        using var op = api.Operator();
        using var reader = api.Client(await TokenAsync(api, w.AccountId, "BillingAccountOwner", w.AccountId));

        await GetAsync(op, $"/ops/subscriptions/{Guid.NewGuid()}/usageSeries", HttpStatusCode.NotFound);
        await GetAsync(reader, $"/ops/subscriptions/{w.SubscriptionId}/usageSeries", HttpStatusCode.Forbidden);
        var quiet = await GetAsync(op, $"/ops/subscriptions/{w.OtherSubscriptionId}/usageSeries");
        // The UTC profile's day is already 9/20 too; of its usage, 9/12 and 9/16 fall in 9/10–9/20.
        Assert.Equal("2019-09-20", quiet.GetProperty("to").GetString());
        Assert.Equal(2, quiet.GetProperty("days").EnumerateArray().Count(d => d.GetProperty("meters").GetArrayLength() > 0));
    }
}
