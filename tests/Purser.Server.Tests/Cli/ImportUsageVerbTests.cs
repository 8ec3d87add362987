using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Server.Tests.Cli;

public sealed class ImportUsageVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("purser-import-").FullName;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_csv_imports_in_batches_with_a_summary_and_a_rerun_skips_every_event_as_a_duplicate(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, DateTimeOffset.UtcNow);
        var f = await UsageFixture.CreateAsync(api);
        var now = DateTimeOffset.UtcNow.AddHours(-1);
        var csv = new StringBuilder("eventId,subscriptionId,meterId,quantity,timestamp,resourceId,tags\n");
        for (var i = 0; i < 2500; i++)
            csv.Append(CultureInfo.InvariantCulture, $"imp-{i},{f.SubscriptionId},{f.MeterId},0.5,{now.AddSeconds(-i):O},\"/rg/vm,{i % 3}\",dept=a;env=prod\n");
        var file = Path.Combine(_dir, "usage.csv");
        await File.WriteAllTextAsync(file, csv.ToString());

        await using (var first = PurserProcess.Start(_dir, "import-usage", file, "--database", api.Database.ConnectionString, "--source", "rp.compute"))
        {
            Assert.Equal(0, await first.WaitForExitAsync(TimeSpan.FromMinutes(2)));
            Assert.Contains("2,500 lines read: 2,500 events imported, 0 duplicates skipped, 0 problems.", first.Output, StringComparison.Ordinal);
        }
        await using (var again = PurserProcess.Start(_dir, "import-usage", file, "--database", api.Database.ConnectionString, "--source", "rp.compute"))
        {
            Assert.Equal(0, await again.WaitForExitAsync(TimeSpan.FromMinutes(2)));
            Assert.Contains("0 events imported, 2,500 duplicates skipped", again.Output, StringComparison.Ordinal);
        }
        await using var db = api.Database.Store.CreateContext();
        Assert.Equal(2500, await db.UsageEvents.CountAsync());
        var sample = await db.UsageEvents.AsNoTracking().SingleAsync(e => e.EventId == "imp-4");
        Assert.Equal("/rg/vm,1", sample.ResourceId);
        Assert.Equal("""{"dept":"a","env":"prod"}""", sample.Tags);
        Assert.Equal(1250m, (await db.UsageDailyAggregates.AsNoTracking().ToListAsync()).Sum(a => a.Quantity));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_bad_line_stops_the_import_with_its_line_number(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, DateTimeOffset.UtcNow);
        var f = await UsageFixture.CreateAsync(api);
        var at = DateTimeOffset.UtcNow.AddHours(-1).ToString("O", CultureInfo.InvariantCulture);
        var file = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(file,
            "eventId,subscriptionId,meterId,quantity,timestamp\n" +
            $"a,{f.SubscriptionId},{f.MeterId},1,{at}\n" +
            $"b,{f.SubscriptionId},{f.MeterId},lots,{at}\n");

        await using var import = PurserProcess.Start(_dir, "import-usage", file, "--database", api.Database.ConnectionString);
        Assert.Equal(1, await import.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("line 3: quantity 'lots' is not a number", import.Output, StringComparison.Ordinal);
        Assert.Contains("Import stopped", import.Output, StringComparison.Ordinal);
        await using var db = api.Database.Store.CreateContext();
        Assert.Equal(0, await db.UsageEvents.CountAsync());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
