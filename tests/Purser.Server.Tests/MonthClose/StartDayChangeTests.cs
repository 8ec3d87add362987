using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.MonthClose.PartnerWorld;

namespace Purser.Server.Tests.MonthClose;

/// <summary>A seat change effective on the subscription's start day replaces the seats it started with; known in time, and known only after the start was billed.</summary>
public class StartDayChangeTests
{
    private static DateOnly D(int month, int day) => new(2017, month, day);

    // Billing on time: started on the billing date 7/15 with 15 seats at 11.00, changed to 12 with effect the same day.
    private static readonly Line July = new("prepaid", 12m, 11m, D(7, 15), D(8, 14), 132.00m);
    private static readonly Line August = new("prepaid", 12m, 11m, D(8, 15), D(9, 14), 132.00m);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_change_on_the_start_day_is_the_only_seat_count_ever_billed(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "America/Los_Angeles", D(7, 1), 11m);
        var subscription = await world.LicenseAsync(D(7, 15), 15);
        world.At(D(7, 10), 9, 0);
        await world.SeatsAsync(subscription, D(7, 15), 12);

        world.At(D(7, 15), 0, 20);
        var june = await world.CloseAsync("2017-06");
        world.At(D(8, 15), 0, 20);
        var july = await world.CloseAsync("2017-07");
        ReconChecks.Rows(await world.ReconAsync("2017-06"), subscription, NumberOf(june), July);
        ReconChecks.Rows(await world.ReconAsync("2017-07"), subscription, NumberOf(july), August);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_change_on_a_free_start_day_leaves_no_zero_price_lines(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "Asia/Shanghai", D(6, 1), 10m);
        world.At(D(6, 3), 9, 0);
        var subscription = await world.LicenseAsync(D(6, 3), 10);
        world.At(D(6, 5), 9, 0);
        await world.SeatsAsync(subscription, D(6, 3), 12);

        world.At(D(6, 15), 0, 20);
        var first = await world.CloseAsync("2017-05");
        ReconChecks.Rows(await world.ReconAsync("2017-05"), subscription, NumberOf(first), new Line("prepaid", 12m, 10m, D(6, 15), D(7, 14), 120.00m));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_start_day_change_recorded_after_the_start_was_billed_corrects_the_first_month(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "Asia/Shanghai", D(7, 1), 11m);
        var subscription = await world.LicenseAsync(D(7, 15), 15);
        world.At(D(7, 15), 0, 20);
        var june = await world.CloseAsync("2017-06");
        ReconChecks.Rows(await world.ReconAsync("2017-06"), subscription, NumberOf(june), new Line("prepaid", 15m, 11m, D(7, 15), D(8, 14), 165.00m));

        world.At(D(7, 15), 9, 0);
        await world.SeatsAsync(subscription, D(7, 15), 12);
        world.At(D(8, 15), 0, 20);
        var correcting = await world.CloseAsync("2017-07");
        ReconChecks.Rows(await world.ReconAsync("2017-07"), subscription, NumberOf(correcting),
            July, August, new Line("correction of prepaid", 15m, 11m, D(7, 15), D(8, 14), -165.00m));
        ReconChecks.SameByServicePeriod([July, August], await world.ReconAsync("2017-06", "2017-07"), subscription);
        await world.AssertCloseReplaysAsync("2017-07", correcting);

        world.At(D(9, 15), 0, 20);
        var quiet = await world.CloseAsync("2017-08");
        ReconChecks.Rows(await world.ReconAsync("2017-08"), subscription, NumberOf(quiet), new Line("prepaid", 12m, 11m, D(9, 15), D(10, 14), 132.00m));
    }
}
