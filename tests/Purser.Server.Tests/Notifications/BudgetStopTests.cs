using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Purser.Engine;
using Purser.Engine.Consumption;
using Purser.Engine.Notifications;
using Purser.Engine.Rating;
using Purser.Engine.Webhooks;
using Purser.Server.Tests.Operator;
using Purser.Testing;

namespace Purser.Server.Tests.Notifications;

/// <summary>
/// Budgets that act (issue 12) on a profile at UTC+14 (Kiritimati): a subscription budget with the stop action stops
/// the subscription's entitlement in the rating pass that rates the usage reaching its amount, raising the budget
/// restores it, and the next month, which starts at local midnight (10:00 UTC the day before), restores it again.
/// Each administrator hears of each stop and restore once, in their language, over SMTP.
/// </summary>
public class BudgetStopTests
{
    private static readonly TimeSpan Kiritimati = TimeSpan.FromHours(14);
    private static readonly DateTimeOffset Start = new(2019, 10, 2, 12, 0, 0, Kiritimati);
    private static readonly DateTimeOffset LastEvening = new(2019, 10, 31, 23, 30, 0, Kiritimati);
    private static readonly DateTimeOffset Midnight = new(2019, 11, 1, 0, 0, 0, Kiritimati);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Reaching_the_amount_stops_usage_until_the_budget_is_raised_or_the_local_month_ends(StorageEngine engine)
    {
        using var smtp = await SmtpSink.StartAsync();
        await using var api = await PurserApi.StartAsync(engine, Start);
        await api.StopBackgroundWorkAsync();
        var f = await UsageFixture.CreateAsync(api, timeZone: "Pacific/Kiritimati");
        using var op = api.Operator();
        await NoticeMail.AddAdministratorAsync(op, f.AccountId, "wang@example.cn", "Lei", "Wang", "en");
        await NoticeMail.AddAdministratorAsync(op, f.AccountId, "li@example.cn", null, null, null);
        var budgetId = await PricedBudgetAsync(op, f, 100m);
        var switched = await AccountsApiTests.ReadAsync(await op.PutAsJsonAsync("/ops/budgets/stopAction", new { budgetId, stop = true }), HttpStatusCode.OK);
        Assert.Equal((true, false), (switched.GetProperty("stop").GetBoolean(), switched.GetProperty("stopped").GetBoolean()));
        var rating = api.Services.GetRequiredService<UsageRating>();
        var sender = NoticeMail.SenderTo(smtp, api);
        var fanOuts = new[] { api.Services.GetRequiredService<EventFanOut>(), ActivatorUtilities.CreateInstance<EventFanOut>(api.Services) };
        async Task DeliverAsync()
        {
            await Task.WhenAll(fanOuts.Select(o => o.RunAsync(CancellationToken.None)));
            await sender.SendDueAsync(CancellationToken.None);
        }
        async Task UseAsync(string id, decimal quantity, DateTimeOffset at)
        {
            api.AdvanceClockTo(at.AddMinutes(1));
            var result = await AccountsApiTests.ReadAsync(await op.PostAsJsonAsync("/ops/usage", new { source = "rp.compute", events = new[] { f.Event(id, quantity, at) } }), HttpStatusCode.OK);
            Assert.Equal(1, result.GetProperty("accepted").GetInt32());
        }
        async Task<JsonElement> EntitlementAsync() =>
            await AccountsApiTests.ReadAsync(await op.GetAsync($"/ops/subscriptions/{f.SubscriptionId}/entitlement"), HttpStatusCode.OK);

        await UseAsync("e1", 60m, LastEvening);
        await rating.RatePendingAsync(CancellationToken.None);
        Assert.True((await EntitlementAsync()).GetProperty("entitled").GetBoolean());

        // 100.00 spent: the pass that rates it stops the subscription; until then the usage is only recorded.
        await UseAsync("e2", 40m, LastEvening.AddMinutes(10));
        Assert.True((await EntitlementAsync()).GetProperty("entitled").GetBoolean());
        await rating.RatePendingAsync(CancellationToken.None);
        var stopped = await EntitlementAsync();
        Assert.False(stopped.GetProperty("entitled").GetBoolean());
        Assert.Equal("Active", stopped.GetProperty("state").GetString());
        Assert.Contains($"Budget '{budgetId}' has reached its amount of 100", stopped.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("its period ends on 2019-11-01", stopped.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await DeliverAsync();

        api.AdvanceClockTo(LastEvening.AddMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync($"{budgetId}?api-version=2021-10-01", Budget(150m))).StatusCode);
        Assert.True((await EntitlementAsync()).GetProperty("entitled").GetBoolean());
        await DeliverAsync();

        await UseAsync("e3", 50m, LastEvening.AddMinutes(20));
        await rating.RatePendingAsync(CancellationToken.None);
        Assert.False((await EntitlementAsync()).GetProperty("entitled").GetBoolean());
        await DeliverAsync();
        api.AdvanceClockTo(Midnight.AddMinutes(-1));
        Assert.False((await EntitlementAsync()).GetProperty("entitled").GetBoolean());
        api.AdvanceClockTo(Midnight.AddMinutes(1));
        Assert.True((await EntitlementAsync()).GetProperty("entitled").GetBoolean());
        await UseAsync("e4", 5m, Midnight.AddMinutes(2));
        await rating.RatePendingAsync(CancellationToken.None);
        Assert.True((await EntitlementAsync()).GetProperty("entitled").GetBoolean());

        await using (var db = api.Database.Store.CreateContext())
        {
            var steps = await db.Outbox.AsNoTracking().Where(m => m.Kind == WebhookEventTypes.BudgetStopped || m.Kind == WebhookEventTypes.BudgetRestored)
                .OrderBy(m => m.Id).Select(m => m.Kind).ToListAsync();
            Assert.Equal([WebhookEventTypes.BudgetStopped, WebhookEventTypes.BudgetRestored, WebhookEventTypes.BudgetStopped, WebhookEventTypes.BudgetRestored], steps);
        }

        await DeliverAsync();
        await DeliverAsync();
        var received = smtp.Received().Where(m => m.Headers["X-Purser-Kind"]?.StartsWith("Budget", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(8, received.Count);
        Assert.All(received.GroupBy(m => m.MessageId), copies => Assert.Single(copies));
        string[] turns = [BudgetMails.StoppedKind, BudgetMails.RestoredKind, BudgetMails.StoppedKind, BudgetMails.RestoredKind];
        var wang = received.Where(m => To(m) == "wang@example.cn").OrderBy(m => m.Date).ToList();
        Assert.Equal(turns, wang.Select(m => m.Headers["X-Purser-Kind"]));
        Assert.Equal("Budget \"cap\" reached: usage stopped", wang[0].Subject);
        Assert.StartsWith("Hello Lei Wang,", wang[0].TextBody, StringComparison.Ordinal);
        Assert.Equal("Budget \"cap\": usage restored", wang[1].Subject);
        var li = received.Where(m => To(m) == "li@example.cn").OrderBy(m => m.Date).ToList();
        Assert.Equal(turns, li.Select(m => m.Headers["X-Purser-Kind"]));
        Assert.Equal("预算“cap”已达到金额，用量已停止", li[0].Subject);
        Assert.Equal("预算“cap”已恢复用量", li[3].Subject);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Turning_the_stop_action_off_restores_usage_at_once(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Start);
        await api.StopBackgroundWorkAsync();
        var f = await UsageFixture.CreateAsync(api, timeZone: "Pacific/Kiritimati");
        using var op = api.Operator();
        var budgetId = await PricedBudgetAsync(op, f, 10m);
        api.AdvanceClockTo(Start.AddDays(1));
        await AccountsApiTests.ReadAsync(await op.PostAsJsonAsync("/ops/usage", new { source = "rp.compute", events = new[] { f.Event("e1", 12m, Start.AddHours(13)) } }), HttpStatusCode.OK);
        await api.Services.GetRequiredService<UsageRating>().RatePendingAsync(CancellationToken.None);
        async Task<bool> EntitledAsync() =>
            (await AccountsApiTests.ReadAsync(await op.GetAsync($"/ops/subscriptions/{f.SubscriptionId}/entitlement"), HttpStatusCode.OK)).GetProperty("entitled").GetBoolean();
        Assert.True(await EntitledAsync());

        // Switched on over spend already past the amount, the budget stops its scope at once; switched off, it lets go at once.
        var on = await AccountsApiTests.ReadAsync(await op.PutAsJsonAsync("/ops/budgets/stopAction", new { budgetId, stop = true }), HttpStatusCode.OK);
        Assert.True(on.GetProperty("stopped").GetBoolean());
        Assert.False(await EntitledAsync());
        var off = await AccountsApiTests.ReadAsync(await op.PutAsJsonAsync("/ops/budgets/stopAction", new { budgetId, stop = false }), HttpStatusCode.OK);
        Assert.False(off.GetProperty("stopped").GetBoolean());
        Assert.True(await EntitledAsync());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_stopped_budget_whose_scope_uses_nothing_after_the_local_month_ends_is_restored_once_by_the_rollover_review(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Start);
        await api.StopBackgroundWorkAsync();
        var f = await UsageFixture.CreateAsync(api, timeZone: "Pacific/Kiritimati");
        using var op = api.Operator();
        var budgetId = await PricedBudgetAsync(op, f, 10m);
        await AccountsApiTests.ReadAsync(await op.PutAsJsonAsync("/ops/budgets/stopAction", new { budgetId, stop = true }), HttpStatusCode.OK);
        api.AdvanceClockTo(LastEvening.AddMinutes(1));
        await AccountsApiTests.ReadAsync(await op.PostAsJsonAsync("/ops/usage", new { source = "rp.compute", events = new[] { f.Event("e1", 12m, LastEvening) } }), HttpStatusCode.OK);
        await api.Services.GetRequiredService<UsageRating>().RatePendingAsync(CancellationToken.None);
        var rollovers = api.Services.GetRequiredService<BudgetRollovers>();
        async Task<List<string>> StepsAsync()
        {
            await using var db = api.Database.Store.CreateContext();
            return await db.Outbox.AsNoTracking().Where(m => m.Kind == WebhookEventTypes.BudgetStopped || m.Kind == WebhookEventTypes.BudgetRestored)
                .OrderBy(m => m.Id).Select(m => m.Kind).ToListAsync();
        }
        Assert.Equal([WebhookEventTypes.BudgetStopped], await StepsAsync());

        // A minute before local midnight the stop still holds: the review leaves it to rating and budget writes.
        api.AdvanceClockTo(Midnight.AddMinutes(-1));
        Assert.Equal(0, await rollovers.ReviewDueAsync(CancellationToken.None));
        api.AdvanceClockTo(Midnight.AddMinutes(1));
        Assert.Equal(1, await rollovers.ReviewDueAsync(CancellationToken.None));
        Assert.Equal(0, await rollovers.ReviewDueAsync(CancellationToken.None));
        Assert.Equal([WebhookEventTypes.BudgetStopped, WebhookEventTypes.BudgetRestored], await StepsAsync());
        // A rating pass after it finds nothing to restore: the step is written once.
        await api.Services.GetRequiredService<UsageRating>().RatePendingAsync(CancellationToken.None);
        Assert.Equal([WebhookEventTypes.BudgetStopped, WebhookEventTypes.BudgetRestored], await StepsAsync());
    }

    /// <summary>The meter priced at CNY 1.00 a unit, and a monthly budget "cap" of <paramref name="amount"/> on the subscription; its ARM id.</summary>
    private static async Task<string> PricedBudgetAsync(HttpClient op, UsageFixture f, decimal amount)
    {
        await PurserApi.CreatedAsync(op, $"/ops/meters/{f.MeterId}/prices", new { currency = "CNY", unitPrice = 1.00m });
        var budgetId = $"/subscriptions/{f.SubscriptionId}/providers/Microsoft.Consumption/budgets/cap";
        Assert.Equal(HttpStatusCode.Created, (await op.PutAsJsonAsync($"{budgetId}?api-version=2021-10-01", Budget(amount))).StatusCode);
        return budgetId;
    }

    private static object Budget(decimal amount) => new
    {
        properties = new { category = "Cost", amount, timeGrain = "Monthly", timePeriod = new { startDate = "2019-10-01" } },
    };

    private static string To(MimeMessage m) => m.To.Mailboxes.Single().Address;
}
