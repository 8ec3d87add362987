using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Engine;
using Purser.Engine.Consumption;
using Purser.Engine.Credits;
using Purser.Testing;

namespace Purser.Server.Tests.Ledger;

/// <summary>
/// B-LEDGER's correctness: the figures reads use instead of the journal (lot positions, balance summary,
/// day totals, unsettled movements) agree with a replay of the journal, a page of transactions runs on
/// from earlier days exactly as the whole list does, and a tampered or missing figure is found or rebuilt.
/// </summary>
public class KeptLedgerTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Kept_figures_agree_with_the_journal_and_each_page_of_events_runs_on_as_the_whole_list_does(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var world = await KeptLedgerWorld.BuildAsync(api);
        var credits = api.Services.GetRequiredService<CreditQueries>();

        Assert.Empty(await new LedgerCheck(api.Database.Store).VerifyAsync(CancellationToken.None));
        var whole = await credits.EventsAsync([world.ProfileId], null, null, CancellationToken.None);
        Assert.Contains(whole, e => e.Event.EventType == CreditEventType.PendingExpiredCredit);
        Assert.Contains(whole, e => e.Event.EventType == CreditEventType.SettledCharges);
        for (var day = new DateOnly(2024, 3, 1); day <= new DateOnly(2024, 3, 21); day = day.AddDays(1))
        {
            var page = await credits.EventsAsync([world.ProfileId], RequestedDay.On(day), RequestedDay.On(day.AddDays(2)), CancellationToken.None);
            var expected = whole.Where(e => DateOnly.FromDateTime(e.Event.TransactionDate.DateTime) is var d && d >= day && d <= day.AddDays(2)).ToList();
            Assert.Equal(expected.Select(e => (e.Event.Key, e.Event.ClosedBalance, e.Event.EventType, e.Event.InvoiceNumber)),
                page.Select(e => (e.Event.Key, e.Event.ClosedBalance, e.Event.EventType, e.Event.InvoiceNumber)));
        }

        var balance = (await credits.BalanceAsync(world.ProfileId, CancellationToken.None))!.Summary;
        Assert.Equal(whole[0].Event.ClosedBalance, balance.EstimatedBalance);
        var lots = await credits.LotsAsync([world.ProfileId], CancellationToken.None);
        Assert.Equal(balance.EstimatedBalance, lots.Aggregate(Money.Zero(balance.CurrentBalance.Currency), (sum, l) => sum + l.CurrentBalance));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_tampered_position_is_reported_and_missing_figures_are_rebuilt_from_the_journal_on_migration(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var world = await KeptLedgerWorld.BuildAsync(api);
        var store = api.Database.Store;
        var credits = api.Services.GetRequiredService<CreditQueries>();
        var before = (await credits.BalanceAsync(world.ProfileId, CancellationToken.None))!.Summary;
        var lotsBefore = await credits.LotsAsync([world.ProfileId], CancellationToken.None);

        await using (var db = store.CreateContext())
        {
            var lot = lotsBefore[^1].Id;
            await db.CreditLots.Where(l => l.Id == lot).ExecuteUpdateAsync(s => s.SetProperty(l => l.Drawn, l => l.Drawn + 0.01m));
            var problem = Assert.Single(await new LedgerCheck(store).VerifyAsync(CancellationToken.None));
            Assert.Contains($"credit lot {lot}", problem, StringComparison.Ordinal);

            // A store from before kept figures: none of them written.
            await db.CreditSummaries.ExecuteDeleteAsync();
            await db.CreditDayTotals.ExecuteDeleteAsync();
            await db.CreditOpenEntries.ExecuteDeleteAsync();
            await db.CreditLots.ExecuteUpdateAsync(s => s.SetProperty(l => l.Granted, 0m).SetProperty(l => l.Drawn, 0m).SetProperty(l => l.Expired, 0m)
                .SetProperty(l => l.ClosedBalance, 0m).SetProperty(l => l.CurrentBalance, 0m));
        }
        Assert.NotEmpty(await new LedgerCheck(store).VerifyAsync(CancellationToken.None));

        await store.MigrateAsync();

        Assert.Empty(await new LedgerCheck(store).VerifyAsync(CancellationToken.None));
        Assert.Equal(before, (await credits.BalanceAsync(world.ProfileId, CancellationToken.None))!.Summary);
        Assert.Equal(lotsBefore, await credits.LotsAsync([world.ProfileId], CancellationToken.None));
    }
}
