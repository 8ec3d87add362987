using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.MonthClose.PartnerWorld;

namespace Purser.Server.Tests.MonthClose;

/// <summary>R-LIC-CHANGE end to end: seats change three times in a prepaid month; known in time, and known only after the close.</summary>
public class LicenseChangeTests
{
    private static DateOnly D(int month, int day) => new(2017, month, day);

    // Billing on time: 15 seats at 11.00 a month from 7/15, 12 from 7/20, 18 from 7/31, 10 from 8/10.
    private static readonly Line July = new("prepaid", 15m, 11m, D(7, 15), D(8, 14), 165.00m);
    private static readonly Line[] JulySettled =
    [
        new("reversal", 15m, 11m, D(7, 15), D(8, 14), -165.00m),
        new("prorated", 15m, 11m, D(7, 15), D(7, 19), 26.61m),
        new("prorated", 12m, 11m, D(7, 20), D(7, 30), 46.84m),
        new("prorated", 18m, 11m, D(7, 31), D(8, 9), 63.87m),
        new("prorated", 10m, 11m, D(8, 10), D(8, 14), 17.74m),
    ];
    private static readonly Line August = new("prepaid", 10m, 11m, D(8, 15), D(9, 14), 110.00m);
    private static readonly Line September = new("prepaid", 10m, 11m, D(9, 15), D(10, 14), 110.00m);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Seat_changes_known_before_the_close_reverse_the_month_and_bill_prorated_use(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "Asia/Shanghai", D(7, 1), 11m);
        var subscription = await world.LicenseAsync(D(7, 15), 15);
        world.At(D(7, 15), 0, 20);
        var first = await world.CloseAsync("2017-06");
        Assert.Equal(165.00m, first.GetProperty("subTotal").GetDecimal());

        world.At(D(7, 20), 9, 0);
        await world.SeatsAsync(subscription, D(7, 20), 12);
        world.At(D(7, 31), 9, 0);
        await world.SeatsAsync(subscription, D(7, 31), 18);
        world.At(D(8, 10), 9, 0);
        await world.SeatsAsync(subscription, D(8, 10), 10);
        world.At(D(8, 15), 0, 20);
        var invoice = await world.CloseAsync("2017-07");

        var rows = await world.ReconAsync("2017-07");
        ReconChecks.Rows(rows, subscription, NumberOf(invoice), [.. JulySettled, August]);
        Assert.Equal(rows.Sum(r => r.Amount), invoice.GetProperty("subTotal").GetDecimal());
        Assert.Equal(100.06m, invoice.GetProperty("subTotal").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Seat_changes_recorded_after_the_close_are_billed_as_corrections_on_the_next_invoice(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "America/Los_Angeles", D(7, 1), 11m);
        var subscription = await world.LicenseAsync(D(7, 15), 15);
        world.At(D(7, 15), 0, 20);
        await world.CloseAsync("2017-06");
        world.At(D(8, 15), 0, 20);
        var unchanged = await world.CloseAsync("2017-07");
        Assert.Equal(165.00m, unchanged.GetProperty("subTotal").GetDecimal());

        world.At(D(8, 20), 9, 0);
        await world.SeatsAsync(subscription, D(7, 20), 12);
        await world.SeatsAsync(subscription, D(7, 31), 18);
        await world.SeatsAsync(subscription, D(8, 10), 10);
        world.At(D(9, 15), 0, 20);
        var correcting = await world.CloseAsync("2017-08");

        ReconChecks.Rows(await world.ReconAsync("2017-08"), subscription, NumberOf(correcting),
            [.. JulySettled, August, September, new("correction of prepaid", 15m, 11m, D(8, 15), D(9, 14), -165.00m)]);
        // What the rules give for each month, whenever the facts arrived: July's prorated use and August's ten seats.
        ReconChecks.SameByServicePeriod([July, .. JulySettled, August, September], await world.ReconAsync("2017-06", "2017-07", "2017-08"), subscription);
        await world.AssertCloseReplaysAsync("2017-08", correcting);

        world.At(D(10, 15), 0, 20);
        var quiet = await world.CloseAsync("2017-09");
        ReconChecks.Rows(await world.ReconAsync("2017-09"), subscription, NumberOf(quiet), new Line("prepaid", 10m, 11m, D(10, 15), D(11, 14), 110.00m));
    }
}
