using System.Net;
using System.Text.Json;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Server.Tests.Operator;

/// <summary>Onboarding a customer with history: a meter's first price may take effect in the past (a year at most); later changes keep R-PRICE-UP.</summary>
public class PriceOnboardingTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_first_price_dates_back_and_is_kept_with_when_it_was_announced(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        using var op = api.Operator();
        var now = api.Clock.GetUtcNow();
        var meter = (await PurserApi.CreatedAsync(op, "/ops/meters", new { name = "Legacy VM", category = "Virtual Machines", unit = "1 Hour" })).GetProperty("id").GetGuid();

        var first = await PurserApi.CreatedAsync(op, $"/ops/meters/{meter}/prices", new { currency = "CNY", unitPrice = 0.5m, effectiveFrom = now.AddDays(-90) });
        Assert.Equal(now.AddDays(-90), first.GetProperty("effectiveFrom").GetDateTimeOffset());
        Assert.Equal(now, first.GetProperty("announcedAt").GetDateTimeOffset());

        using var change = await PurserApi.PostAsync(op, $"/ops/meters/{meter}/prices", new { currency = "CNY", unitPrice = 0.4m, effectiveFrom = now.AddDays(-10) });
        var error = JsonDocument.Parse(await change.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Equal("PriceChangeRetroactive", error.GetProperty("code").GetString());
        Assert.Equal("effectiveFrom", error.GetProperty("target").GetString());

        var other = (await PurserApi.CreatedAsync(op, "/ops/meters", new { name = "Ancient VM", category = "Virtual Machines", unit = "1 Hour" })).GetProperty("id").GetGuid();
        using var tooFar = await PurserApi.PostAsync(op, $"/ops/meters/{other}/prices", new { currency = "CNY", unitPrice = 0.5m, effectiveFrom = now.AddDays(-400) });
        Assert.Equal(HttpStatusCode.BadRequest, tooFar.StatusCode);
        Assert.Contains("PriceBackdatedTooFar", await tooFar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
