using System.Globalization;
using System.Net;
using System.Text.Json;
using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.MonthClose.PartnerWorld;

namespace Purser.Server.Tests.MonthClose;

/// <summary>The invoice preview at 23:50 on a period's last local day is the invoice the close bills at 00:20.</summary>
public class PreviewCloseTests
{
    private static DateOnly D(int month, int day) => new(2017, month, day);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_preview_before_midnight_lists_the_lines_and_totals_the_close_bills_after_it(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "Asia/Shanghai", D(7, 1), 11m);
        var meter = await world.UsageMeterAsync("Compute D2", 2.00m);
        using (var op = api.Operator())
            await PurserApi.CreatedAsync(op, "/ops/credits", new
            {
                billingProfileId = world.ProfileId, amount = 50.00m, source = "Azure Promotional Credit",
                startDate = world.Local(D(7, 1), 0, 0), expirationDate = world.Local(D(7, 1), 0, 0).AddYears(1),
            });
        var usage = await world.UsageBasedAsync("Web farm");
        world.At(D(7, 1), 9, 0);
        var changed = await world.LicenseAsync(D(7, 15), 15);
        world.At(D(7, 1), 10, 0);
        var cancelled = await world.LicenseAsync(D(7, 15), 10);
        world.At(D(7, 15), 0, 20);
        await world.CloseAsync("2017-06");

        world.At(D(7, 16), 9, 0);
        await world.CancelAsync(cancelled, D(7, 15));
        world.At(D(7, 20), 9, 0);
        await world.SeatsAsync(changed, D(7, 20), 12);
        world.At(D(8, 1), 12, 5);
        await world.UsageAsync(meter, new UsageAt("web-0801", usage, 20m, world.Local(D(8, 1), 12, 0)));
        world.At(D(8, 14), 22, 5);
        await world.UsageAsync(meter, new UsageAt("web-0814", usage, 10.5m, world.Local(D(8, 14), 22, 0)));

        world.At(D(8, 14), 23, 50);
        var preview = await world.PreviewAsync();
        world.At(D(8, 15), 0, 20);
        var invoice = await world.CloseAsync("2017-07");

        Assert.Equal((D(7, 15), D(8, 14)), (preview.GetProperty("periodStart").Deserialize<DateOnly>(), preview.GetProperty("periodEnd").Deserialize<DateOnly>()));
        var previewed = preview.GetProperty("lines").EnumerateArray().Select(l => new InvoiceLine(l.GetProperty("description").GetString()!,
            l.GetProperty("chargeType").GetString()!, l.GetProperty("unitPrice").GetDecimal(), l.GetProperty("quantity").GetDecimal(),
            l.GetProperty("startDate").Deserialize<DateOnly>(), l.GetProperty("endDate").Deserialize<DateOnly>(), l.GetProperty("amount").GetDecimal(),
            l.GetProperty("creditApplied").GetDecimal())).ToList();
        Assert.Equal(previewed, await InvoiceLinesAsync(world, NumberOf(invoice)));
        foreach (var total in new[] { "subTotal", "creditApplied", "amountDue" })
            Assert.Equal(preview.GetProperty(total).GetDecimal(), invoice.GetProperty(total).GetDecimal());

        // By hand: usage 20 × 2.00 and 10.5 × 2.00, paid by the 50.00 credit in that order; the seats cut to 12 on 7/20
        // (15 × 5/31 × 11 = 26.61, 12 × 26/31 × 11 = 110.71) and 12 seats ahead; the month the start-day cancellation prepaid taken back.
        Assert.Equal(
        [
            ("Usage", 40.00m, 40.00m), ("Usage", 21.00m, 10.00m), ("Reversal", -165.00m, 0m), ("Prorated", 26.61m, 0m), ("Prorated", 110.71m, 0m),
            ("Prepaid", 132.00m, 0m), ("Correction", -110.00m, 0m),
        ], previewed.Select(l => (l.ChargeType, l.Amount, l.CreditApplied)));
        Assert.Equal((55.32m, 50.00m, 5.32m),
            (invoice.GetProperty("subTotal").GetDecimal(), invoice.GetProperty("creditApplied").GetDecimal(), invoice.GetProperty("amountDue").GetDecimal()));
    }

    private sealed record InvoiceLine(string Description, string ChargeType, decimal UnitPrice, decimal Quantity, DateOnly Start, DateOnly End,
        decimal Amount, decimal CreditApplied);

    /// <summary>The invoice's lines as the billing history download lists them, in invoice order.</summary>
    private static async Task<List<InvoiceLine>> InvoiceLinesAsync(PartnerWorld world, string invoiceNumber)
    {
        using var op = world.Api.Operator();
        var response = await op.GetAsync($"/downloads/billing-history.csv?billingProfileId={world.ProfileId}&from=2017-06-01&to=2017-09-30");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var rows = CsvReading.Rows(text.TrimStart('\uFEFF'));
        var at = rows[0].Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        decimal Number(List<string> r, string column) => decimal.Parse(r[at[column]], NumberStyles.Number, CultureInfo.InvariantCulture);
        DateOnly Day(List<string> r, string column) => DateOnly.ParseExact(r[at[column]], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return [.. rows.Skip(1).Where(r => r[at["invoiceNumber"]] == invoiceNumber).Select(r => new InvoiceLine(r[at["description"]], r[at["chargeType"]],
            Number(r, "unitPrice"), Number(r, "quantity"), Day(r, "serviceStart"), Day(r, "serviceEnd"), Number(r, "amount"), Number(r, "creditApplied")))];
    }
}
