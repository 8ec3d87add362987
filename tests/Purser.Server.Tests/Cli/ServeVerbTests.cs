using System.Net;
using Microsoft.EntityFrameworkCore;
using Purser.Core.Invoicing;
using Purser.Core.Ledger;
using Purser.Core.Lifecycle;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Server.Tests.Cli;

public sealed class ServeVerbTests : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("purser-cli-").FullName;

    [Fact]
    public async Task Serve_with_no_configuration_uses_sqlite_in_the_data_folder_loads_the_demo_and_is_healthy()
    {
        var port = PurserProcess.FreePort();
        await using var purser = PurserProcess.Start(_workDir, "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient();

        using var health = await purser.WaitForAsync(http, $"http://127.0.0.1:{port}/healthz", TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains($"Purser is listening on http://127.0.0.1:{port}", purser.Output, StringComparison.Ordinal);
        var file = Path.Combine(_workDir, "data", "purser.db");
        Assert.True(File.Exists(file), purser.Output);
        await using var store = new PurserStore(PurserStore.SqliteFile(file));
        await using var db = store.CreateContext();
        var offers = await db.Subscriptions.Select(s => s.OfferType).Distinct().ToListAsync();
        Assert.Equal([OfferType.Trial, OfferType.StandardPrepaid, OfferType.Enterprise, OfferType.PayAsYouGo, OfferType.LicenseBased, OfferType.UsageBased], offers.Order());
        Assert.True(await db.UsageEvents.AnyAsync());
        Assert.True(await db.CreditLots.AnyAsync());
        // A past invoice per profile, and the demo's usage rated into charges that drew credit.
        Assert.Equal(await db.BillingProfiles.CountAsync(), await db.Invoices.CountAsync());
        Assert.True(await db.InvoiceLineItems.AnyAsync(l => l.ChargeType == ChargeType.Usage));
        Assert.True(await db.CreditJournal.AnyAsync(e => e.Kind == EntryKind.ChargeDraw && e.InvoiceNumber != null));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Migrate_then_demo_then_serve_work_on_either_engine(StorageEngine engine)
    {
        await using var target = await TestDatabase.CreateAsync(engine, migrated: false);

        await using (var migrate = PurserProcess.Start(_workDir, "migrate", "--database", target.ConnectionString))
            Assert.Equal(0, await migrate.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        await using (var demo = PurserProcess.Start(_workDir, "demo", "--database", target.ConnectionString))
        {
            Assert.Equal(0, await demo.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("Demo loaded", demo.Output, StringComparison.Ordinal);
        }
        await using (var again = PurserProcess.Start(_workDir, "demo", "--database", target.ConnectionString))
        {
            Assert.Equal(0, await again.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("already holds billing accounts", again.Output, StringComparison.Ordinal);
        }

        var port = PurserProcess.FreePort();
        await using var serve = PurserProcess.Start(_workDir, "serve", "--database", target.ConnectionString, "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient();
        using var health = await serve.WaitForAsync(http, $"http://127.0.0.1:{port}/healthz", TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains(engine.ToString(), await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_workDir, recursive: true);
}
