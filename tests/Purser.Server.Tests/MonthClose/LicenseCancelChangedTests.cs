using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.MonthClose.PartnerWorld;

namespace Purser.Server.Tests.MonthClose;

/// <summary>R-LIC-CANCELCHANGED end to end: seats change and the subscription is cancelled in one prepaid month; known in time, and known only after the month closed.</summary>
public class LicenseCancelChangedTests
{
    private static DateOnly D(int month, int day) => new(2017, month, day);

    // Billing on time: 10 seats at 10.00 a month from 7/15, 5 seats from 8/25, cancelled with effect 9/1.
    private static readonly Line July = new("prepaid", 10m, 10m, D(7, 15), D(8, 14), 100.00m);
    private static readonly Line August = new("prepaid", 10m, 10m, D(8, 15), D(9, 14), 100.00m);
    private static readonly Line[] AugustSettled =
    [
        new("reversal", 10m, 10m, D(8, 15), D(9, 14), -100.00m),
        new("prorated", 10m, 10m, D(8, 15), D(8, 24), 32.26m),
        new("prorated", 5m, 10m, D(8, 25), D(9, 14), 33.87m),
        new("credit for unused days", 5m, 10m, D(9, 1), D(9, 14), -22.58m),
    ];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_changed_then_cancelled_month_is_reversed_prorated_and_credited_for_its_unused_days(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "Asia/Shanghai", D(7, 1), 10m);
        var subscription = await world.LicenseAsync(D(7, 15), 10);
        world.At(D(7, 15), 0, 20);
        var june = await world.CloseAsync("2017-06");
        world.At(D(8, 15), 0, 20);
        var july = await world.CloseAsync("2017-07");
        world.At(D(8, 25), 9, 0);
        await world.SeatsAsync(subscription, D(8, 25), 5);
        world.At(D(8, 28), 9, 0);
        await world.CancelAsync(subscription, D(9, 1));
        world.At(D(9, 15), 0, 20);
        var august = await world.CloseAsync("2017-08");

        ReconChecks.Rows(await world.ReconAsync("2017-06"), subscription, NumberOf(june), July);
        ReconChecks.Rows(await world.ReconAsync("2017-07"), subscription, NumberOf(july), August);
        ReconChecks.Rows(await world.ReconAsync("2017-08"), subscription, NumberOf(august), AugustSettled);
        Assert.Equal(-100.00m + 32.26m + 33.87m - 22.58m, august.GetProperty("subTotal").GetDecimal());

        world.At(D(10, 15), 0, 20);
        await world.CloseAsync("2017-09");
        Assert.Empty(await world.ReconAsync("2017-09"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_change_and_cancellation_recorded_after_the_month_closed_settle_it_on_the_next_invoice(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "America/Los_Angeles", D(7, 1), 10m);
        var subscription = await world.LicenseAsync(D(7, 15), 10);
        world.At(D(7, 15), 0, 20);
        await world.CloseAsync("2017-06");
        world.At(D(8, 15), 0, 20);
        await world.CloseAsync("2017-07");
        world.At(D(9, 15), 0, 20);
        var unchanged = await world.CloseAsync("2017-08");
        ReconChecks.Rows(await world.ReconAsync("2017-08"), subscription, NumberOf(unchanged), new Line("prepaid", 10m, 10m, D(9, 15), D(10, 14), 100.00m));

        world.At(D(9, 20), 9, 0);
        await world.SeatsAsync(subscription, D(8, 25), 5);
        await world.CancelAsync(subscription, D(9, 1));
        world.At(D(10, 15), 0, 20);
        var correcting = await world.CloseAsync("2017-09");
        ReconChecks.Rows(await world.ReconAsync("2017-09"), subscription, NumberOf(correcting),
            [.. AugustSettled, new("correction of prepaid", 10m, 10m, D(9, 15), D(10, 14), -100.00m)]);
        ReconChecks.SameByServicePeriod([July, August, .. AugustSettled], await world.ReconAsync("2017-06", "2017-07", "2017-08", "2017-09"), subscription);
        await world.AssertCloseReplaysAsync("2017-09", correcting);

        world.At(D(11, 15), 0, 20);
        await world.CloseAsync("2017-10");
        Assert.Empty(await world.ReconAsync("2017-10"));
    }
}
