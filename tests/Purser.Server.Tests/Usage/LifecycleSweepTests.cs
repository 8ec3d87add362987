using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purser.Core.Ledger;
using Purser.Core.Lifecycle;
using Purser.Engine;
using Purser.Server.Jobs;
using Purser.Server.Tests.Operator;
using Purser.Testing;

namespace Purser.Server.Tests.Usage;

public class LifecycleSweepTests
{
    private static readonly DateTimeOffset Start = new(2019, 9, 2, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Expired_credit_disables_a_prepaid_subscription_and_ninety_days_later_it_is_deleted_for_good(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Start);
        var f = await UsageFixture.CreateAsync(api, offerType: "StandardPrepaid");
        using var op = api.Operator();
        var paid = await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000m });
        // R-LOT-12M: valid twelve months on the profile's local calendar (Shanghai: 10:00 local on 2 September).
        Assert.Equal(Start.AddYears(1), paid.GetProperty("creditExpiresAt").GetDateTimeOffset());

        api.Clock.SetUtcNow(Start.AddYears(1).AddMinutes(1));
        await Sweep(api);
        Assert.False(await Entitled(op, f));
        await using (var db = api.Database.Store.CreateContext())
        {
            var sub = await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == f.SubscriptionId);
            Assert.Equal((SubscriptionState.Disabled, TransitionReason.CreditExpired), (sub.State, sub.DisabledBecause));
            Assert.Equal(-1000m, (await db.CreditJournal.AsNoTracking().SingleAsync(e => e.Kind == EntryKind.Expiry)).Amount);
            Assert.Equal(0m, (await db.CreditLots.AsNoTracking().SingleAsync()).CurrentBalance);
        }

        api.Clock.SetUtcNow(Start.AddYears(1).AddDays(89));
        await Sweep(api);
        Assert.Equal(SubscriptionState.Disabled, await State(api, f));
        api.Clock.SetUtcNow(Start.AddYears(1).AddDays(90).AddMinutes(2));
        await Sweep(api);
        Assert.Equal(SubscriptionState.Deleted, await State(api, f));
        await using (var db = api.Database.Store.CreateContext())
            Assert.Equal(1, await db.Outbox.CountAsync(m => m.Kind == "SubscriptionDeleted" && m.Recipient == f.SubscriptionId.ToString()));

        var refused = await PurserApi.PostAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000m });
        Assert.Equal("SubscriptionDeleted", (await AccountsApiTests.ReadAsync(refused, HttpStatusCode.BadRequest)).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_trial_gets_1500_for_1_ends_after_a_month_and_is_deleted_15_days_later(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Start);
        var f = await UsageFixture.CreateAsync(api, offerType: "Trial");
        using var op = api.Operator();
        var tooSmall = await PurserApi.PostAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 999m });
        Assert.Equal("PaymentBelowMinimum", (await AccountsApiTests.ReadAsync(tooSmall, HttpStatusCode.BadRequest)).GetProperty("error").GetProperty("code").GetString());
        var activated = await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1m });
        Assert.Equal(1500m, activated.GetProperty("credit").GetDecimal());

        api.Clock.SetUtcNow(Start.AddMonths(1).AddMinutes(1));
        await Sweep(api);
        Assert.Equal(SubscriptionState.Disabled, await State(api, f));
        api.Clock.SetUtcNow(Start.AddMonths(1).AddDays(15).AddMinutes(2));
        await Sweep(api);
        Assert.Equal(SubscriptionState.Deleted, await State(api, f));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Three_servers_on_one_database_run_each_sweep_once(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Start);
        await using var second = await api.StartPeerAsync();
        await using var third = await api.StartPeerAsync();
        var workers = new IServiceProvider[] { api.Services, second.Services, third.Services }
            .Select(s => s.GetRequiredService<LifecycleSweepWorker>()).ToList();

        // Moving the clock wakes every server's own worker too: all of them race for the new minute's run.
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        var ran = await Task.WhenAll(workers.Select(w => w.RunDueAsync(CancellationToken.None)));

        Assert.True(ran.Count(r => r) <= 1, "two servers ran the same sweep");
        await using var db = api.Database.Store.CreateContext();
        var runs = await db.JobRuns.AsNoTracking().Where(r => r.JobName == LifecycleSweepWorker.JobName).ToListAsync();
        Assert.All(runs.GroupBy(r => r.RunKey), minute => Assert.Single(minute));
        Assert.Contains(runs, r => r.RunKey == api.Clock.GetUtcNow().ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture));
    }

    // The worker also runs on its own clock; a direct run here makes the test independent of when it wakes.
    private static async Task Sweep(PurserApi api) =>
        await api.Services.GetRequiredService<Purser.Engine.Lifecycle.LifecycleSweep>().RunAsync(CancellationToken.None);

    private static async Task<bool> Entitled(HttpClient op, UsageFixture f) =>
        (await AccountsApiTests.ReadAsync(await op.GetAsync($"/ops/subscriptions/{f.SubscriptionId}/entitlement"), HttpStatusCode.OK)).GetProperty("entitled").GetBoolean();

    private static async Task<SubscriptionState> State(PurserApi api, UsageFixture f)
    {
        await using var db = api.Database.Store.CreateContext();
        return (await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == f.SubscriptionId)).State;
    }
}
