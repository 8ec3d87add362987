using System.Net;
using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.MonthClose.PartnerWorld;

namespace Purser.Server.Tests.MonthClose;

/// <summary>
/// R-USAGE-CYCLE with R-PRICE-UP, -DOWN and -NEW end to end: usage-based subscriptions the partner
/// sold, over two billing cycles on Los Angeles days, each close billing the cycle that ended.
/// </summary>
public class UsageCycleTests
{
    private static DateOnly D(int month, int day) => new(2017, month, day);

    /// <summary>A usage row: <paramref name="quantity"/> × <paramref name="rate"/> on one local day, rounded by hand to <paramref name="amount"/>.</summary>
    private static Line Usage(decimal quantity, decimal rate, DateOnly day, decimal amount) => new("usage", quantity, rate, day, day, amount);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_close_bills_the_cycle_that_ended_at_the_rate_each_subscription_is_owed(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "America/Los_Angeles", D(7, 2), 11m);
        var meter = await world.UsageMeterAsync("Compute D2", 0.50m);

        // R-PRICE-UP: announced on 7/2 at midnight, an increase needs 30 days: not 7/31 23:59, but 8/1 00:00.
        var (tooSoon, refusal) = await world.AnnouncePriceAsync(meter, 0.60m, world.Local(D(7, 31), 23, 59));
        Assert.Equal(HttpStatusCode.BadRequest, tooSoon);
        Assert.Equal("effectiveFrom", refusal.GetProperty("error").GetProperty("target").GetString());
        Assert.Equal(HttpStatusCode.Created, (await world.AnnouncePriceAsync(meter, 0.60m, world.Local(D(8, 1), 0, 0))).Status);
        var web = await world.UsageBasedAsync("Web farm");

        // Cycle 7/15–8/14. The web farm existed when it began at 0.50, so it keeps 0.50 after the increase of 8/1.
        world.At(D(7, 20), 10, 5);
        await world.UsageAsync(meter, new UsageAt("web-0720", web, 10m, world.Local(D(7, 20), 10, 0)));
        world.At(D(8, 3), 12, 5);
        await world.UsageAsync(meter, new UsageAt("web-0803", web, 2.345m, world.Local(D(8, 3), 12, 0)));
        // R-PRICE-NEW: added on 8/5, after the increase, the batch jobs are rated at 0.60 from the start.
        world.At(D(8, 5), 9, 0);
        var batch = await world.UsageBasedAsync("Batch jobs");
        world.At(D(8, 6), 13, 5);
        await world.UsageAsync(meter, new UsageAt("batch-0806", batch, 7.125m, world.Local(D(8, 6), 12, 0)), new UsageAt("web-0806", web, 3m, world.Local(D(8, 6), 13, 0)));
        // Minutes either side of local midnight ending the cycle's last day (06:50 and 07:10 UTC of one UTC day).
        world.At(D(8, 15), 0, 15);
        await world.UsageAsync(meter, new UsageAt("web-0814-late", web, 4m, world.Local(D(8, 14), 23, 50)), new UsageAt("web-0815-early", web, 6m, world.Local(D(8, 15), 0, 10)));

        world.At(D(8, 15), 0, 20);
        var july = await world.CloseAsync("2017-07");
        var julyFile = await world.ReconAsync("2017-07");
        ReconChecks.Rows(julyFile, web, NumberOf(july),
            Usage(10m, 0.50m, D(7, 20), 5.00m),
            Usage(2.345m, 0.50m, D(8, 3), 1.17m),   // 1.1725
            Usage(3m, 0.50m, D(8, 6), 1.50m),
            Usage(4m, 0.50m, D(8, 14), 2.00m));
        ReconChecks.Rows(julyFile, batch, NumberOf(july),
            Usage(7.125m, 0.60m, D(8, 6), 4.28m));  // 4.275, half away from zero
        Assert.Equal(5, julyFile.Count);
        Assert.All(julyFile, r => Assert.Equal("Compute D2", r.Offer));
        Assert.Equal(13.95m, july.GetProperty("subTotal").GetDecimal());

        // Cycle 8/15–9/14: the web farm now starts a cycle at 0.60.
        world.At(D(8, 16), 10, 0);
        var trial = await world.UsageBasedAsync("Trial run");
        world.At(D(8, 17), 12, 5);
        await world.UsageAsync(meter, new UsageAt("trial-0817", trial, 5m, world.Local(D(8, 17), 12, 0)));
        world.At(D(8, 18), 9, 0);
        await world.CancelAsync(trial, D(8, 20));
        // Cancelled with effect 8/20, the trial still runs on 8/19; its usage is billed, and none after it ends.
        world.At(D(8, 19), 12, 5);
        await world.UsageAsync(meter, new UsageAt("trial-0819", trial, 1.5m, world.Local(D(8, 19), 12, 0)));
        world.At(D(8, 20), 9, 0);
        var (ended, endedBody) = await world.ReportAsync(meter, new UsageAt("trial-0820", trial, 1m, world.Local(D(8, 20), 8, 0)));
        Assert.True(ended == HttpStatusCode.BadRequest, $"{(int)ended}: {endedBody}");
        // R-LATE: usage of the closed cycle reported now is billed on the next invoice, at the rate it was owed then.
        await world.UsageAsync(meter, new UsageAt("web-0810", web, 2m, world.Local(D(8, 10), 12, 0)));
        // R-PRICE-DOWN: a decrease needs no notice and applies from its date to every subscription.
        world.At(D(8, 21), 9, 0);
        Assert.Equal(HttpStatusCode.Created, (await world.AnnouncePriceAsync(meter, 0.40m, world.Local(D(8, 25), 0, 0))).Status);
        world.At(D(8, 24), 12, 5);
        await world.UsageAsync(meter, new UsageAt("batch-0824", batch, 2m, world.Local(D(8, 24), 12, 0)));
        world.At(D(8, 26), 12, 35);
        await world.UsageAsync(meter, new UsageAt("web-0826", web, 10m, world.Local(D(8, 26), 12, 0)), new UsageAt("batch-0826", batch, 10m, world.Local(D(8, 26), 12, 30)));
        world.At(D(9, 15), 0, 15);
        await world.UsageAsync(meter, new UsageAt("web-0914-late", web, 1m, world.Local(D(9, 14), 23, 55)), new UsageAt("web-0915-early", web, 100m, world.Local(D(9, 15), 0, 5)));

        world.At(D(9, 15), 0, 20);
        var august = await world.CloseAsync("2017-08");
        var augustFile = await world.ReconAsync("2017-08");
        ReconChecks.Rows(augustFile, web, NumberOf(august),
            Usage(2m, 0.50m, D(8, 10), 1.00m),
            Usage(6m, 0.60m, D(8, 15), 3.60m),
            Usage(10m, 0.40m, D(8, 26), 4.00m),
            Usage(1m, 0.40m, D(9, 14), 0.40m));
        ReconChecks.Rows(augustFile, batch, NumberOf(august),
            Usage(2m, 0.60m, D(8, 24), 1.20m),
            Usage(10m, 0.40m, D(8, 26), 4.00m));
        ReconChecks.Rows(augustFile, trial, NumberOf(august),
            Usage(5m, 0.60m, D(8, 17), 3.00m),
            Usage(1.5m, 0.60m, D(8, 19), 0.90m));
        Assert.Equal(8, augustFile.Count);
        Assert.Equal(18.10m, august.GetProperty("subTotal").GetDecimal());
    }
}
