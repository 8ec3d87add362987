using Purser.Engine.Storage;
using Purser.Testing;

namespace Purser.Server.Tests.MonthClose;

/// <summary>R-LIC-CHANGE end to end: seats change three times in a prepaid month; known in time, and known only after the close.</summary>
public class LicenseChangeTests
{
    private static DateOnly D(int month, int day) => new(2017, month, day);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Seat_changes_known_before_the_close_reverse_the_month_and_bill_prorated_use(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await PartnerWorld.BuildAsync(api, "Asia/Shanghai", D(7, 1), 11m);
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
        Assert.Equal(
        [
            ("reversal", 15m, D(7, 15), D(8, 14), -165.00m),
            ("prorated", 15m, D(7, 15), D(7, 19), 26.61m),
            ("prorated", 12m, D(7, 20), D(7, 30), 46.84m),
            ("prorated", 18m, D(7, 31), D(8, 9), 63.87m),
            ("prorated", 10m, D(8, 10), D(8, 14), 17.74m),
            ("prepaid", 10m, D(8, 15), D(9, 14), 110.00m),
        ], rows.Select(r => (r.ChargeType, r.Quantity, r.Start, r.End, r.Amount)));
        Assert.All(rows, r =>
        {
            Assert.Equal(PartnerWorld.PartnerId, r.PartnerId);
            Assert.Equal(subscription.ToString(), r.SubscriptionId);
            Assert.Equal(11m, r.UnitPrice);
            Assert.Equal("USD", r.Currency);
            Assert.Equal(invoice.GetProperty("invoiceNumber").GetString(), r.InvoiceNumber);
        });
        Assert.Equal(rows.Sum(r => r.Amount), invoice.GetProperty("subTotal").GetDecimal());
        Assert.Equal(100.06m, invoice.GetProperty("subTotal").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Seat_changes_recorded_after_the_close_are_billed_as_corrections_on_the_next_invoice(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await PartnerWorld.BuildAsync(api, "America/Los_Angeles", D(7, 1), 11m);
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
        await world.CloseAsync("2017-08");

        var all = (await world.ReconAsync("2017-06")).Concat(await world.ReconAsync("2017-07")).Concat(await world.ReconAsync("2017-08")).ToList();
        decimal BilledFor(DateOnly start, DateOnly end) => all.Where(r => r.Start >= start && r.End <= end).Sum(r => r.Amount);
        // What the rules give for each month, whenever the facts arrived: July's prorated use and August's ten seats.
        Assert.Equal(26.61m + 46.84m + 63.87m + 17.74m, BilledFor(D(7, 15), D(8, 14)));
        Assert.Equal(110.00m, BilledFor(D(8, 15), D(9, 14)));
        var corrections = (await world.ReconAsync("2017-08")).Where(r => r.ChargeType.StartsWith("correction", StringComparison.Ordinal)).ToList();
        var correction = Assert.Single(corrections);
        Assert.Equal(("correction of prepaid", 15m, D(8, 15), D(9, 14), -165.00m), (correction.ChargeType, correction.Quantity, correction.Start, correction.End, correction.Amount));
    }
}
