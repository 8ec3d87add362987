using Microsoft.EntityFrameworkCore;
using Purser.Engine;
using Purser.Server.Tests.Ledger;
using Purser.Testing;

namespace Purser.Server.Tests.Cli;

public sealed class VerifyLedgerVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("purser-verify-").FullName;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Verify_ledger_passes_a_sound_store_and_names_a_kept_figure_that_disagrees_with_the_journal(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var world = await KeptLedgerWorld.BuildAsync(api);

        await using (var sound = PurserProcess.Start(_dir, "verify-ledger", "--database", api.Database.ConnectionString))
        {
            Assert.Equal(0, await sound.WaitForExitAsync(TimeSpan.FromMinutes(2)));
            Assert.Contains("agree with their journals", sound.Output, StringComparison.Ordinal);
        }

        await using (var db = api.Database.Store.CreateContext())
            await db.CreditSummaries.Where(s => s.BillingProfileId == world.ProfileId).ExecuteUpdateAsync(s => s.SetProperty(x => x.CurrentBalance, x => x.CurrentBalance + 1m));
        await using var tampered = PurserProcess.Start(_dir, "verify-ledger", "--database", api.Database.ConnectionString);
        Assert.Equal(1, await tampered.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains("the balance summary is kept as", tampered.Output, StringComparison.Ordinal);
        Assert.Contains("1 kept figure(s)", tampered.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
