using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purser.Engine;
using Purser.Engine.Rating;
using Purser.Engine.Webhooks;
using Purser.Server.Tests.Operator;
using Purser.Testing;

namespace Purser.Server.Tests.Notifications;

/// <summary>
/// An account budget with the stop action is decided by several writers at once: the rating passes of each of its
/// profiles (in parallel on PostgreSQL) and a budget write. Each decides under the budget's row lock, so the later one
/// sees what the earlier committed, and spend that reaches the amount only together still stops the scope.
/// </summary>
public class BudgetStopRaceTests
{
    private const int Rounds = 6;
    private static readonly DateTimeOffset Start = new(2019, 10, 2, 12, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Two_profiles_rated_at_once_that_reach_an_account_budget_only_together_stop_it(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Start);
        await api.StopBackgroundWorkAsync();
        using var op = api.Operator();
        var rating = api.Services.GetRequiredService<UsageRating>();
        for (var round = 0; round < Rounds; round++)
        {
            var world = await AccountAsync(op, round, amount: 100m);
            await UseAsync(api, op, world, 60m, 60m);
            Assert.Equal(2, (await rating.RatePendingAsync(CancellationToken.None)).Profiles);
            await AssertStoppedAsync(api, op, world, round);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Lowering_an_account_budget_while_its_usage_is_rated_stops_it(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Start);
        await api.StopBackgroundWorkAsync();
        using var op = api.Operator();
        var rating = api.Services.GetRequiredService<UsageRating>();
        for (var round = 0; round < Rounds; round++)
        {
            var world = await AccountAsync(op, round, amount: 1000m);
            await UseAsync(api, op, world, 60m, 0m);
            var lowered = op.PutAsJsonAsync($"{world.BudgetId}?api-version=2021-10-01", Budget(50m));
            await Task.WhenAll(lowered, rating.RatePendingAsync(CancellationToken.None));
            Assert.Equal(HttpStatusCode.OK, (await lowered).StatusCode);
            await AssertStoppedAsync(api, op, world, round);
        }
    }

    private sealed record World(string BudgetId, Guid[] Subscriptions, Guid MeterId);

    private static async Task<World> AccountAsync(HttpClient op, int round, decimal amount)
    {
        var account = await PurserApi.CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName = $"联合 {round}", agreementType = "MicrosoftCustomerAgreement", accountType = "Enterprise",
            soldTo = new { addressLine1 = "世纪大道 100 号", country = "CN" },
        });
        var meter = (await PurserApi.CreatedAsync(op, "/ops/meters", new { name = $"计算 {round}", category = "Compute", unit = "1 Hour" })).GetProperty("id").GetGuid();
        await PurserApi.CreatedAsync(op, $"/ops/meters/{meter}/prices", new { currency = "CNY", unitPrice = 1.00m });
        var subscriptions = new Guid[2];
        for (var i = 0; i < subscriptions.Length; i++)
        {
            var profile = await PurserApi.CreatedAsync(op, "/ops/billingProfiles",
                new { billingAccountId = account.GetProperty("id").GetGuid(), displayName = $"部门 {i}", currency = "CNY", timeZone = "Asia/Shanghai" });
            subscriptions[i] = (await PurserApi.CreatedAsync(op, "/ops/subscriptions",
                new { billingProfileId = profile.GetProperty("id").GetGuid(), displayName = $"部门 {i}", offerType = "PayAsYouGo" })).GetProperty("id").GetGuid();
        }
        var budgetId = $"/providers/Microsoft.Billing/billingAccounts/{account.GetProperty("name").GetString()}/providers/Microsoft.Consumption/budgets/cap";
        Assert.Equal(HttpStatusCode.Created, (await op.PutAsJsonAsync($"{budgetId}?api-version=2021-10-01", Budget(amount))).StatusCode);
        await AccountsApiTests.ReadAsync(await op.PutAsJsonAsync("/ops/budgets/stopAction", new { budgetId, stop = true }), HttpStatusCode.OK);
        return new World(budgetId, subscriptions, meter);
    }

    private static async Task UseAsync(PurserApi api, HttpClient op, World world, params decimal[] quantities)
    {
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        var events = world.Subscriptions.Zip(quantities).Where(p => p.Second > 0)
            .Select(p => new { eventId = $"u-{p.First:N}", subscriptionId = p.First, meterId = world.MeterId, quantity = p.Second, timestamp = api.Clock.GetUtcNow() });
        var result = await AccountsApiTests.ReadAsync(await op.PostAsJsonAsync("/ops/usage", new { source = "race", events }), HttpStatusCode.OK);
        Assert.Equal(quantities.Count(q => q > 0), result.GetProperty("accepted").GetInt32());
    }

    private static async Task AssertStoppedAsync(PurserApi api, HttpClient op, World world, int round)
    {
        foreach (var subscription in world.Subscriptions)
        {
            var entitlement = await AccountsApiTests.ReadAsync(await op.GetAsync($"/ops/subscriptions/{subscription}/entitlement"), HttpStatusCode.OK);
            Assert.False(entitlement.GetProperty("entitled").GetBoolean(), $"round {round}: subscription {subscription} still entitled");
        }
        await using var db = api.Database.Store.CreateContext();
        Assert.Equal(1, await db.Outbox.CountAsync(m => m.Kind == WebhookEventTypes.BudgetStopped && m.Recipient == world.BudgetId));
    }

    private static object Budget(decimal amount) => new
    {
        properties = new { category = "Cost", amount, timeGrain = "Monthly", timePeriod = new { startDate = "2019-10-01" } },
    };
}
