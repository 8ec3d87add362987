using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.MonthClose.PartnerWorld;

namespace Purser.Server.Tests.MonthClose;

/// <summary>A cancellation effective on a billing date ends the subscription with its last prepaid month fully used; known in time, and known only after that date's close.</summary>
public class BillingDateCancellationTests
{
    private static DateOnly D(int month, int day) => new(2017, month, day);

    // Billing on time: 10 seats at 11.00 a month from 7/15, cancelled with effect 9/15, the day after August's period.
    private static readonly Line July = new("prepaid", 10m, 11m, D(7, 15), D(8, 14), 110.00m);
    private static readonly Line August = new("prepaid", 10m, 11m, D(8, 15), D(9, 14), 110.00m);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_cancellation_effective_on_a_billing_date_bills_nothing_more(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "Asia/Shanghai", D(7, 1), 11m);
        var subscription = await world.LicenseAsync(D(7, 15), 10);
        world.At(D(7, 15), 0, 20);
        var june = await world.CloseAsync("2017-06");
        world.At(D(8, 15), 0, 20);
        var july = await world.CloseAsync("2017-07");
        world.At(D(9, 1), 9, 0);
        await world.CancelAsync(subscription, D(9, 15));
        world.At(D(9, 15), 0, 20);
        var august = await world.CloseAsync("2017-08");

        ReconChecks.Rows(await world.ReconAsync("2017-06"), subscription, NumberOf(june), July);
        ReconChecks.Rows(await world.ReconAsync("2017-07"), subscription, NumberOf(july), August);
        Assert.Empty(await world.ReconAsync("2017-08"));
        Assert.Equal(0m, august.GetProperty("subTotal").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_billing_date_cancellation_recorded_after_that_close_takes_back_the_month_it_prepaid(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "America/Los_Angeles", D(7, 1), 11m);
        var subscription = await world.LicenseAsync(D(7, 15), 10);
        world.At(D(7, 15), 0, 20);
        await world.CloseAsync("2017-06");
        world.At(D(8, 15), 0, 20);
        await world.CloseAsync("2017-07");
        world.At(D(9, 15), 0, 20);
        var unchanged = await world.CloseAsync("2017-08");
        ReconChecks.Rows(await world.ReconAsync("2017-08"), subscription, NumberOf(unchanged), new Line("prepaid", 10m, 11m, D(9, 15), D(10, 14), 110.00m));

        world.At(D(9, 20), 9, 0);
        await world.CancelAsync(subscription, D(9, 15));
        world.At(D(10, 15), 0, 20);
        var correcting = await world.CloseAsync("2017-09");
        ReconChecks.Rows(await world.ReconAsync("2017-09"), subscription, NumberOf(correcting),
            new Line("correction of prepaid", 10m, 11m, D(9, 15), D(10, 14), -110.00m));
        ReconChecks.SameByServicePeriod([July, August], await world.ReconAsync("2017-06", "2017-07", "2017-08", "2017-09"), subscription);
        await world.AssertCloseReplaysAsync("2017-09", correcting);

        world.At(D(11, 15), 0, 20);
        await world.CloseAsync("2017-10");
        Assert.Empty(await world.ReconAsync("2017-10"));
    }
}
