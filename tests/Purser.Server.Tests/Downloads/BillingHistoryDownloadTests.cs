using System.Globalization;
using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.Arm.ConsumptionCallers;

namespace Purser.Server.Tests.Downloads;

public class BillingHistoryDownloadTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Billing_history_lists_each_invoice_line_of_the_range_with_its_invoice(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var seed = await Seed004Scenario.LoadAsync(api);
        var other = await Seed004Scenario.LoadAsync(api);
        using var reader = api.Client(seed.ReaderToken);

        var october = await UsageDownloadTests.RowsAsync(reader, $"/downloads/billing-history.csv?billingProfileId={seed.ProfileId}&from=2019-10-01&to=2019-10-31");
        var line = Assert.Single(october);
        Assert.Equal(seed.InvoiceNumber, line[0]);
        Assert.Equal(["2019-09-05", "2019-10-04"], line[2..4]);
        Assert.Equal("Credit eligible charges as of 09/30/2019", line[6]);
        Assert.Equal(2.13m, decimal.Parse(line[12], CultureInfo.InvariantCulture));
        Assert.Equal(2.13m, decimal.Parse(line[13], CultureInfo.InvariantCulture));
        Assert.Equal("USD", line[14]);
        Assert.Equal("2019-10-05", line[1]);

        // The pending 1.74 charge is on no invoice yet, and other tenants' invoices never show.
        Assert.Empty(await UsageDownloadTests.RowsAsync(reader, $"/downloads/billing-history.csv?billingProfileId={seed.ProfileId}&from=2019-09-01&to=2019-09-30"));
        using var op = api.Operator();
        var account = await UsageDownloadTests.RowsAsync(op, $"/downloads/billing-history.csv?billingAccountId={seed.AccountId}&from=2019-01-01&to=2019-12-31");
        Assert.Equal([seed.InvoiceNumber], account.Select(r => r[0]));
        Assert.NotEqual(seed.InvoiceNumber, other.InvoiceNumber);
    }
}
