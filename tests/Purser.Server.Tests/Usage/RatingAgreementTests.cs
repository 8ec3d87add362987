using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purser.Core.Monetary;
using Purser.Engine;
using Purser.Engine.Rating;
using Purser.Server.Tests.Arm;
using Purser.Testing;
using static Purser.Server.Tests.Arm.ConsumptionCallers;

namespace Purser.Server.Tests.Usage;

/// <summary>Usage details price events as rating prices their days: a day's line costs, summed and rounded once (R-ROUND), are what rating charged.</summary>
public class RatingAgreementTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_days_usage_detail_costs_round_to_the_day_line_rating_charged_and_the_series_shows(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, UsageWorld.Created);
        var w = await UsageWorld.CreateAsync(api);
        // The worker may have rated already; a pass is idempotent, so this one only finishes the job.
        await api.Services.GetRequiredService<UsageRating>().RatePendingAsync(default);
        using var op = api.Operator();

        var lines = await UsageDetailsTests.AllPagesAsync(op, $"{UsageDetailsTests.AccountPath(w)}?{ApiVersion}" +
            "&$filter=properties/usageStart%20ge%20'2019-08-01'%20and%20properties/usageEnd%20le%20'2019-09-30'&$top=1000");
        var detailed = lines.Select(UsageDetailsTests.Props)
            .Where(p => p.GetProperty("meterId").GetGuid() == w.Fixture.MeterId)
            .GroupBy(p => (Guid.Parse(p.GetProperty("subscriptionGuid").GetString()!), DateOnly.FromDateTime(p.GetProperty("date").GetDateTimeOffset().UtcDateTime)))
            .ToDictionary(g => g.Key, g => new Money(g.Sum(p => p.GetProperty("costInBillingCurrency").GetDecimal()), Currency.CNY).RoundAsCharge().Amount);

        await using var db = api.Database.Store.CreateContext();
        var charged = (await db.Charges.AsNoTracking().Where(c => c.MeterId == w.Fixture.MeterId).ToListAsync())
            .GroupBy(c => (c.SubscriptionId!.Value, c.StartDate))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Amount));

        Assert.Equal(w.Sent.Count(e => e.MeterId == w.Fixture.MeterId), lines.Count(l => UsageDetailsTests.Props(l).GetProperty("meterId").GetGuid() == w.Fixture.MeterId));
        Assert.Equal(charged.OrderBy(c => c.Key), detailed.OrderBy(d => d.Key));

        var series = await GetAsync(op, $"/ops/subscriptions/{w.SubscriptionId}/usageSeries");
        foreach (var day in series.GetProperty("days").EnumerateArray())
        {
            var date = DateOnly.Parse(day.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var compute = day.GetProperty("meters").EnumerateArray().Where(m => m.GetProperty("meterId").GetGuid() == w.Fixture.MeterId).ToList();
            Assert.Equal(charged.GetValueOrDefault((w.SubscriptionId, date)), compute.Sum(m => m.GetProperty("cost").GetDecimal()));
        }
    }
}
