using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.MonthClose.PartnerWorld;

namespace Purser.Server.Tests.MonthClose;

/// <summary><c>purser bill</c> and <c>purser export-recon</c> run as processes against the database the test server built.</summary>
public sealed class MonthCloseVerbTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly string _dir = Directory.CreateTempSubdirectory("purser-close-").FullName;

    private static DateOnly D(int month, int day) => new(2017, month, day);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Bill_closes_the_period_once_and_export_recon_writes_the_apis_rows(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "Asia/Shanghai", D(7, 1), 11m);
        var subscription = await world.LicenseAsync(D(7, 15), 15);
        world.At(D(7, 15), 0, 20);
        await world.CloseAsync("2017-06");
        world.At(D(7, 20), 9, 0);
        await world.SeatsAsync(subscription, D(7, 20), 12);
        var database = api.Database.ConnectionString;
        var profile = world.ProfileId.ToString();

        var (billed, billOutput) = await RunAsync("bill", "--period", "2017-07", "--profile", profile, "--database", database);
        Assert.True(billed == 0, billOutput);
        // Reversal −165.00, prorated 15 × 5/31 and 12 × 26/31 of 11.00 (26.61, 110.71), 12 seats ahead 132.00.
        Assert.Contains("Billed 1 profiles: 1 invoices issued, 0 profiles not closed.", billOutput, StringComparison.Ordinal);
        Assert.Contains("USD: billed 104.32, credit applied 0.00, due 104.32", billOutput, StringComparison.Ordinal);
        var (again, againOutput) = await RunAsync("bill", "--period", "2017-07", "--profile", profile, "--database", database);
        Assert.True(again == 0, againOutput);
        Assert.Contains("Billed 1 profiles: 0 invoices issued, 0 profiles not closed.", againOutput, StringComparison.Ordinal);

        var file = Path.Combine(_dir, "recon.csv");
        var (exported, exportOutput) = await RunAsync("export-recon", "--partner", PartnerId, "--period", "2017-07", "--out", file, "--database", database);
        Assert.True(exported == 0, exportOutput);
        Assert.Contains($"Wrote 4 line items to {file}.", exportOutput, StringComparison.Ordinal);
        var fromApi = await world.ReconTextAsync("2017-07");
        Assert.Equal(fromApi, await File.ReadAllTextAsync(file));
        var rows = ReconRow.Parse(fromApi);
        ReconChecks.Rows(rows, subscription, rows[0].InvoiceNumber,
            new Line("reversal", 15m, 11m, D(7, 15), D(8, 14), -165.00m),
            new Line("prorated", 15m, 11m, D(7, 15), D(7, 19), 26.61m),
            new Line("prorated", 12m, 11m, D(7, 20), D(8, 14), 110.71m),
            new Line("prepaid", 12m, 11m, D(8, 15), D(9, 14), 132.00m));
        // The close the process made is the one the API now replays.
        Assert.Equal(rows[0].InvoiceNumber, NumberOf(await world.CloseAsync("2017-07")));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_month_that_does_not_exist_exits_2_with_one_line(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "Asia/Shanghai", D(7, 1), 11m);
        var database = api.Database.ConnectionString;
        string[][] verbs =
        [
            ["bill", "--period", "2017-13", "--profile", world.ProfileId.ToString(), "--database", database],
            ["export-recon", "--partner", PartnerId, "--period", "2017-13", "--out", Path.Combine(_dir, "never.csv"), "--database", database],
        ];
        foreach (var verb in verbs)
        {
            var (exit, output) = await RunAsync(verb);
            Assert.True(exit == 2, output);
            var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Contains("'2017-13'", line, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(Path.Combine(_dir, "never.csv")));
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        await using var process = PurserProcess.Start(_dir, args);
        var exit = await process.WaitForExitAsync(Patience);
        return (exit, process.Output);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
