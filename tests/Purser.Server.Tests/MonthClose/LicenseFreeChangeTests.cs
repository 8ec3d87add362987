using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.MonthClose.PartnerWorld;

namespace Purser.Server.Tests.MonthClose;

/// <summary>R-LIC-FREECHANGE end to end: seats change twice in the free days; known in time, and known only after the first close.</summary>
public class LicenseFreeChangeTests
{
    private static DateOnly D(int month, int day) => new(2017, month, day);

    // Billing on time: start 6/3 with 10 seats, 20 from 6/8, 15 from 6/12, at 10.00 a seat a month.
    private static readonly Line[] FreeSeats =
    [
        new("prorated", 10m, 0m, D(6, 3), D(6, 7), 0m),
        new("prorated", 20m, 0m, D(6, 8), D(6, 11), 0m),
        new("prorated", 15m, 0m, D(6, 12), D(6, 14), 0m),
    ];
    private static readonly Line FirstMonth = new("prepaid", 15m, 10m, D(6, 15), D(7, 14), 150.00m);
    private static readonly Line SecondMonth = new("prepaid", 15m, 10m, D(7, 15), D(8, 14), 150.00m);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Seat_changes_in_the_free_days_are_zero_price_lines_before_the_prepaid_month(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "America/Los_Angeles", D(6, 1), 10m);
        world.At(D(6, 3), 9, 0);
        var subscription = await world.LicenseAsync(D(6, 3), 10);
        world.At(D(6, 8), 9, 0);
        await world.SeatsAsync(subscription, D(6, 8), 20);
        world.At(D(6, 12), 9, 0);
        await world.SeatsAsync(subscription, D(6, 12), 15);

        world.At(D(6, 15), 0, 20);
        var first = await world.CloseAsync("2017-05");
        ReconChecks.Rows(await world.ReconAsync("2017-05"), subscription, NumberOf(first), [.. FreeSeats, FirstMonth]);
        Assert.Equal(150.00m, first.GetProperty("subTotal").GetDecimal());

        world.At(D(7, 15), 0, 20);
        var second = await world.CloseAsync("2017-06");
        ReconChecks.Rows(await world.ReconAsync("2017-06"), subscription, NumberOf(second), SecondMonth);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Free_day_seat_changes_recorded_after_the_first_close_correct_its_prepaid_month_on_the_next_invoice(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "Asia/Shanghai", D(6, 1), 10m);
        world.At(D(6, 3), 9, 0);
        var subscription = await world.LicenseAsync(D(6, 3), 10);
        world.At(D(6, 15), 0, 20);
        var first = await world.CloseAsync("2017-05");
        ReconChecks.Rows(await world.ReconAsync("2017-05"), subscription, NumberOf(first), new Line("prepaid", 10m, 10m, D(6, 15), D(7, 14), 100.00m));

        world.At(D(6, 20), 9, 0);
        await world.SeatsAsync(subscription, D(6, 8), 20);
        await world.SeatsAsync(subscription, D(6, 12), 15);
        world.At(D(7, 15), 0, 20);
        var correcting = await world.CloseAsync("2017-06");
        ReconChecks.Rows(await world.ReconAsync("2017-06"), subscription, NumberOf(correcting),
            [.. FreeSeats, FirstMonth, SecondMonth, new("correction of prepaid", 10m, 10m, D(6, 15), D(7, 14), -100.00m)]);
        ReconChecks.SameByServicePeriod([.. FreeSeats, FirstMonth, SecondMonth], await world.ReconAsync("2017-05", "2017-06"), subscription);
        await world.AssertCloseReplaysAsync("2017-06", correcting);

        world.At(D(8, 15), 0, 20);
        var quiet = await world.CloseAsync("2017-07");
        ReconChecks.Rows(await world.ReconAsync("2017-07"), subscription, NumberOf(quiet), new Line("prepaid", 15m, 10m, D(8, 15), D(9, 14), 150.00m));
    }
}
