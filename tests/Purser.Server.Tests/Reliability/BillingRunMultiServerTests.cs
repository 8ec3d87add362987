using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purser.Core.Calendar;
using Purser.Engine;
using Purser.Engine.Billing;
using Purser.Engine.Jobs;
using Purser.Server.Jobs;
using Purser.Testing;

namespace Purser.Server.Tests.Reliability;

/// <summary>
/// T-MULTI for the month close: three servers on one PostgreSQL database and one clock, which moves through a
/// month in six-hour steps while every server runs its billing at each step. With the per-minute claim one server
/// runs each step; without it all three close at once, and the per-(profile, period) lock alone keeps one invoice each.
/// </summary>
[Collection(BillingRunCollection.Name)]
public sealed class BillingRunMultiServerTests(BillingRunWorlds worlds)
{
    private static readonly TimeSpan Step = TimeSpan.FromHours(6);
    private static readonly DateTimeOffset End = BillingRunWorld.Built.AddDays(31);

    [Fact]
    public async Task Three_servers_scheduling_the_close_issue_one_invoice_per_profile_and_period_numbered_without_gaps()
    {
        var (template, world, _, _) = await worlds.GetAsync(StorageEngine.Postgres);
        await using var db = await template.CloneAsync();
        await using var api = await PurserApi.StartOnAsync(db, BillingRunWorld.Built);
        await using var second = await api.StartPeerAsync();
        await using var third = await api.StartPeerAsync();
        var schedulers = new[] { api.Services, second.Services, third.Services }.Select(s => s.GetRequiredService<BillingScheduler>()).ToList();

        await StepThroughTheMonthAsync(api, async () =>
        {
            var ran = await Task.WhenAll(schedulers.Select(s => Task.Run(() => s.RunDueAsync(CancellationToken.None))));
            Assert.True(ran.Count(r => r) == 1, $"{ran.Count(r => r)} servers ran the billing of {api.Clock.GetUtcNow():O}");
        });

        await using (var context = api.Database.Store.CreateContext())
        {
            var runs = await context.JobRuns.AsNoTracking().Where(r => r.JobName == BillingScheduler.JobName).ToListAsync();
            Assert.Equal(runs.Count, runs.Select(r => r.RunKey).Distinct().Count());
            Assert.All(runs, r => Assert.True(r.Status == JobRunStatus.Succeeded, $"run {r.RunKey}: {r.Status} {r.Error}"));
        }
        await AssertOneInvoicePerProfileAndPeriodAsync(api.Database.Store, world);
    }

    [Fact]
    public async Task Three_servers_closing_at_once_without_the_claim_still_issue_one_invoice_per_profile_and_period()
    {
        var (template, world, _, _) = await worlds.GetAsync(StorageEngine.Postgres);
        await using var db = await template.CloneAsync();
        await using var api = await PurserApi.StartOnAsync(db, BillingRunWorld.Built);
        await using var second = await api.StartPeerAsync();
        await using var third = await api.StartPeerAsync();
        var runs = new[] { api.Services, second.Services, third.Services }.Select(s => s.GetRequiredService<BillingRun>()).ToList();

        var raced = 0;
        await StepThroughTheMonthAsync(api, async () =>
        {
            var summaries = await Task.WhenAll(runs.Select(r => Task.Run(() => r.RunDueAsync(null, null, progress: null, CancellationToken.None))));
            Assert.All(summaries, s => Assert.True(s.Failed.Count == 0, string.Join("; ", s.Failed.Select(f => $"{f.BillingProfileId}: {f.Code} {f.Message}"))));
            // Every server reports each invoice it closed or found closed; a period more than one saw was raced for.
            raced += summaries.SelectMany(s => s.Invoices).GroupBy(i => i.InvoiceNumber).Count(g => g.Count() > 1);
        });

        Assert.True(raced > 0, "no two servers closed the same period at once: the race was not run");
        await AssertOneInvoicePerProfileAndPeriodAsync(api.Database.Store, world);
    }

    /// <summary>From <see cref="BillingRunWorld.Built"/> to <see cref="End"/> in six-hour steps (125 of them), running <paramref name="step"/> at each.</summary>
    private static async Task StepThroughTheMonthAsync(PurserApi api, Func<Task> step)
    {
        for (var at = BillingRunWorld.Built; at <= End; at += Step)
        {
            api.AdvanceClockTo(at);
            await step();
        }
    }

    /// <summary>
    /// Each profile has one invoice for every period from its first (the one it was created in, or May's, closed with the
    /// world) to the last one over at <see cref="End"/>, and nothing else; and the invariants hold (numbers 1..N, no charge
    /// or settlement twice).
    /// </summary>
    private static async Task AssertOneInvoicePerProfileAndPeriodAsync(PurserStore store, BillingRunWorld world)
    {
        await using var db = store.CreateContext();
        var invoiced = (await db.Invoices.AsNoTracking().Select(i => new { i.BillingProfileId, i.PeriodStart }).ToListAsync())
            .ToLookup(i => i.BillingProfileId, i => i.PeriodStart);
        foreach (var profile in world.Profiles)
        {
            var calendar = BillingCalendar.Of(profile.TimeZone, profile.InvoiceDay);
            var expected = new List<DateOnly>();
            var last = calendar.LastPeriodOverAt(End);
            for (var p = profile.MayInvoiced ? calendar.PeriodOfMonth(2025, 5) : calendar.PeriodOf(BillingRunWorld.Opened); p.Start <= last.Start; p = calendar.Periods.Next(p))
                expected.Add(p.Start);
            Assert.True(expected.SequenceEqual(invoiced[profile.Id].Order()), string.Create(CultureInfo.InvariantCulture,
                $"{profile.Name} ({profile.TimeZone}, day {profile.InvoiceDay}): expected [{string.Join(", ", expected)}], invoiced [{string.Join(", ", invoiced[profile.Id].Order())}]"));
        }
        Assert.Equal(world.Profiles.Count, invoiced.Count);
        var violations = await BillingInvariants.ViolationsAsync(store);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
