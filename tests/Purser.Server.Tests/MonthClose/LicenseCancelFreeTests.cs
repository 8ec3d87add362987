using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.MonthClose.PartnerWorld;

namespace Purser.Server.Tests.MonthClose;

/// <summary>R-LIC-CANCELFREE end to end: cancelled before its first billing date, beside a subscription that stays; known in time, and known only after the first close.</summary>
public class LicenseCancelFreeTests
{
    private static DateOnly D(int month, int day) => new(2017, month, day);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_subscription_cancelled_in_its_free_days_is_absent_from_the_reconciliation_file(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "Asia/Shanghai", D(6, 1), 10m);
        world.At(D(6, 3), 9, 0);
        var kept = await world.LicenseAsync(D(6, 3), 5);
        var cancelled = await world.LicenseAsync(D(6, 3), 10);
        world.At(D(6, 9), 9, 0);
        await world.CancelAsync(cancelled, D(6, 10));

        world.At(D(6, 15), 0, 20);
        var first = await world.CloseAsync("2017-05");
        world.At(D(7, 15), 0, 20);
        var second = await world.CloseAsync("2017-06");

        var may = await world.ReconAsync("2017-05");
        var june = await world.ReconAsync("2017-06");
        Assert.DoesNotContain(may.Concat(june), r => r.SubscriptionId == cancelled.ToString());
        ReconChecks.Rows(may, kept, NumberOf(first), new Line("prepaid", 5m, 10m, D(6, 15), D(7, 14), 50.00m));
        ReconChecks.Rows(june, kept, NumberOf(second), new Line("prepaid", 5m, 10m, D(7, 15), D(8, 14), 50.00m));
        Assert.Equal((1, 1), (may.Count, june.Count));
        Assert.Equal(50.00m, first.GetProperty("subTotal").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_free_day_cancellation_recorded_after_the_first_close_takes_back_the_prepaid_month(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "America/Los_Angeles", D(6, 1), 10m);
        world.At(D(6, 3), 9, 0);
        var subscription = await world.LicenseAsync(D(6, 3), 10);
        world.At(D(6, 15), 0, 20);
        var first = await world.CloseAsync("2017-05");
        ReconChecks.Rows(await world.ReconAsync("2017-05"), subscription, NumberOf(first), new Line("prepaid", 10m, 10m, D(6, 15), D(7, 14), 100.00m));

        world.At(D(6, 20), 9, 0);
        await world.CancelAsync(subscription, D(6, 10));
        world.At(D(7, 15), 0, 20);
        var correcting = await world.CloseAsync("2017-06");
        ReconChecks.Rows(await world.ReconAsync("2017-06"), subscription, NumberOf(correcting),
            new Line("correction of prepaid", 10m, 10m, D(6, 15), D(7, 14), -100.00m));
        // On time it bills nothing for any period.
        ReconChecks.SameByServicePeriod([], await world.ReconAsync("2017-05", "2017-06"), subscription);
        await world.AssertCloseReplaysAsync("2017-06", correcting);

        world.At(D(8, 15), 0, 20);
        await world.CloseAsync("2017-07");
        Assert.Empty(await world.ReconAsync("2017-07"));
    }
}
