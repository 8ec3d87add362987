using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.MonthClose.PartnerWorld;

namespace Purser.Server.Tests.MonthClose;

/// <summary>R-LIC-NEW end to end: free from the start date to the first billing date, which bills next month's prepaid alone; known in time, and onboarded after that close.</summary>
public class LicenseNewTests
{
    private static DateOnly D(int month, int day) => new(2017, month, day);

    // Billing on time: 10 seats at 10.00 a month, started 6/3.
    private static readonly Line[] AtFirstBillingDate = [new("prepaid", 10m, 10m, D(6, 15), D(7, 14), 100.00m)];
    private static readonly Line[] AtSecondBillingDate = [new("prepaid", 10m, 10m, D(7, 15), D(8, 14), 100.00m)];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_free_days_bill_nothing_and_the_first_billing_date_bills_one_prepaid_line(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "Asia/Shanghai", D(6, 1), 10m);
        world.At(D(6, 3), 9, 0);
        var subscription = await world.LicenseAsync(D(6, 3), 10);

        world.At(D(6, 15), 0, 20);
        var first = await world.CloseAsync("2017-05");
        var file = await world.ReconAsync("2017-05");
        Assert.Single(file);
        ReconChecks.Rows(file, subscription, NumberOf(first), AtFirstBillingDate);
        Assert.Equal(100.00m, first.GetProperty("subTotal").GetDecimal());

        world.At(D(7, 15), 0, 20);
        var second = await world.CloseAsync("2017-06");
        ReconChecks.Rows(await world.ReconAsync("2017-06"), subscription, NumberOf(second), AtSecondBillingDate);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_subscription_recorded_after_its_first_billing_date_gets_the_missed_prepaid_month_on_the_next_invoice(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "America/Los_Angeles", D(6, 1), 10m);
        world.At(D(6, 15), 0, 20);
        await world.CloseAsync("2017-05");
        world.At(D(6, 20), 9, 0);
        var subscription = await world.LicenseAsync(D(6, 3), 10);

        world.At(D(7, 15), 0, 20);
        var catchingUp = await world.CloseAsync("2017-06");
        ReconChecks.Rows(await world.ReconAsync("2017-06"), subscription, NumberOf(catchingUp), [.. AtFirstBillingDate, .. AtSecondBillingDate]);
        ReconChecks.SameByServicePeriod([.. AtFirstBillingDate, .. AtSecondBillingDate], await world.ReconAsync("2017-05", "2017-06"), subscription);
        await world.AssertCloseReplaysAsync("2017-06", catchingUp);

        world.At(D(8, 15), 0, 20);
        var quiet = await world.CloseAsync("2017-07");
        ReconChecks.Rows(await world.ReconAsync("2017-07"), subscription, NumberOf(quiet), new Line("prepaid", 10m, 10m, D(8, 15), D(9, 14), 100.00m));
    }
}
