using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Purser.Engine;
using Purser.Server.Tests.Operator;
using Purser.Testing;
using static Purser.Server.Tests.Arm.ConsumptionCallers;

namespace Purser.Server.Tests.Arm;

public class BudgetEndpointsTests
{
    private static readonly string[] Contacts = ["finance@contoso.com"];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_subscription_budget_is_created_replaced_read_and_deleted(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var seed = await Seed004Scenario.LoadAsync(api);
        var subscription = await SubscriptionAsync(api, seed.ProfileId);
        await ChargeAsync(api, seed.ProfileId, 10.00m, api.Clock.GetUtcNow(), subscriptionId: subscription);
        using var owner = api.Client(await TokenAsync(api, seed.AccountId, "BillingProfileOwner", seed.ProfileId));
        var budget = $"/subscriptions/{subscription}/providers/Microsoft.Consumption/budgets/monthly?{ApiVersion}";

        var created = await AccountsApiTests.ReadAsync(await owner.PutAsJsonAsync(budget, Body(100m, "Monthly", "2019-10-01T00:00:00Z")), HttpStatusCode.Created);
        Assert.Equal($"/subscriptions/{subscription}/providers/Microsoft.Consumption/budgets/monthly", created.GetProperty("id").GetString());
        var p = created.GetProperty("properties");
        Assert.Equal((10.00m, "USD"), (p.GetProperty("currentSpend").GetProperty("amount").GetDecimal(), p.GetProperty("currentSpend").GetProperty("unit").GetString()));
        Assert.Equal(28.18m, p.GetProperty("forecastSpend").GetProperty("amount").GetDecimal());
        var alert = p.GetProperty("notifications").GetProperty("Actual_GreaterThan_80_Percent");
        Assert.Equal((80m, "GreaterThan", "Actual"), (alert.GetProperty("threshold").GetDecimal(), alert.GetProperty("operator").GetString(), alert.GetProperty("thresholdType").GetString()));
        Assert.Equal(new DateTimeOffset(2029, 10, 1, 0, 0, 0, TimeSpan.Zero), p.GetProperty("timePeriod").GetProperty("endDate").GetDateTimeOffset());

        var replaced = await AccountsApiTests.ReadAsync(await owner.PutAsJsonAsync(budget, Body(250m, "Monthly", "2019-10-01T00:00:00Z")), HttpStatusCode.OK);
        Assert.Equal(250m, replaced.GetProperty("properties").GetProperty("amount").GetDecimal());
        Assert.NotEqual(created.GetProperty("eTag").GetString(), replaced.GetProperty("eTag").GetString());
        var stale = await owner.PutAsJsonAsync(budget, Body(300m, "Monthly", "2019-10-01T00:00:00Z", created.GetProperty("eTag").GetString()));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        using var reader = api.Client(seed.ReaderToken);
        var listed = await GetAsync(reader, $"/subscriptions/{subscription}/providers/Microsoft.Consumption/budgets?{ApiVersion}");
        Assert.Equal(250m, Assert.Single(listed.GetProperty("value").EnumerateArray()).GetProperty("properties").GetProperty("amount").GetDecimal());
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync(budget, Body(1m, "Monthly", "2019-10-01T00:00:00Z"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync(budget)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await owner.DeleteAsync(budget)).StatusCode);
        await GetAsync(reader, budget, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync(budget)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Profile_and_account_budgets_count_their_scope_charges_in_the_current_grain(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var seed = await Seed004Scenario.LoadAsync(api);
        var subscription = await SubscriptionAsync(api, seed.ProfileId);
        await ChargeAsync(api, seed.ProfileId, 10.00m, api.Clock.GetUtcNow(), subscriptionId: subscription);
        var other = await Seed004Scenario.LoadAsync(api);
        using var accountOwner = api.Client(await TokenAsync(api, seed.AccountId, "BillingAccountOwner", seed.AccountId));

        var quarterly = await AccountsApiTests.ReadAsync(await accountOwner.PutAsJsonAsync(
            $"{ProfilePath(seed)}/providers/Microsoft.Consumption/budgets/q?{ApiVersion}", Body(500m, "quarterly", "2019-10-01")), HttpStatusCode.Created);
        Assert.Equal("Quarterly", quarterly.GetProperty("properties").GetProperty("timeGrain").GetString());
        Assert.Equal(11.74m, quarterly.GetProperty("properties").GetProperty("currentSpend").GetProperty("amount").GetDecimal());

        var annual = await AccountsApiTests.ReadAsync(await accountOwner.PutAsJsonAsync(
            $"{AccountPath(seed)}/providers/Microsoft.Consumption/budgets/year?{ApiVersion}", Body(5000m, "Annually", "2019-01-01")), HttpStatusCode.Created);
        Assert.Equal(13.87m, annual.GetProperty("properties").GetProperty("currentSpend").GetProperty("amount").GetDecimal());

        using var stranger = api.Client(other.ReaderToken);
        await GetAsync(stranger, $"{AccountPath(seed)}/providers/Microsoft.Consumption/budgets/year?{ApiVersion}", HttpStatusCode.NotFound);
        var theirs = await GetAsync(api.Operator(), $"{ProfilePath(other)}/providers/Microsoft.Consumption/budgets?{ApiVersion}");
        Assert.Empty(theirs.GetProperty("value").EnumerateArray());
    }

    private static readonly (string Body, string Target)[] Refusals =
    [
        ("""{"properties":{"category":"Cost","amount":0,"timeGrain":"Monthly","timePeriod":{"startDate":"2019-10-01"}}}""", "properties.amount"),
        ("""{"properties":{"category":"Cost","amount":1000000001,"timeGrain":"Monthly","timePeriod":{"startDate":"2019-10-01"}}}""", "properties.amount"),
        ("""{"properties":{"category":"Usage","amount":10,"timeGrain":"Monthly","timePeriod":{"startDate":"2019-10-01"}}}""", "properties.category"),
        ("""{"properties":{"category":"Cost","amount":10,"timeGrain":"Weekly","timePeriod":{"startDate":"2019-10-01"}}}""", "properties.timeGrain"),
        ("""{"properties":{"category":"Cost","amount":10,"timeGrain":"Monthly","timePeriod":{"startDate":"2019-10-15"}}}""", "properties.timePeriod.startDate"),
        ("""{"properties":{"category":"Cost","amount":10,"timeGrain":"Monthly","timePeriod":{}}}""", "properties.timePeriod.startDate"),
        ("""{"properties":{"category":"Cost","amount":10,"timeGrain":"Monthly","timePeriod":{"startDate":"2019-10-01","endDate":"2019-09-01"}}}""", "properties.timePeriod.endDate"),
        ("""{"properties":{"category":"Cost","amount":10,"timeGrain":"Monthly","timePeriod":{"startDate":"2019-10-01"},"filter":{"tags":{"name":"env","operator":"In","values":["x"]}}}}""", "properties.filter"),
        (Notified("""{"enabled":true,"operator":"GreaterThan","threshold":1001,"contactEmails":["a@contoso.com"]}"""), "properties.notifications.n.threshold"),
        (Notified("""{"enabled":true,"operator":"GreaterThan","threshold":90,"contactEmails":["not an address"]}"""), "properties.notifications.n.contactEmails"),
        (Notified("""{"enabled":true,"operator":"Above","threshold":90,"contactEmails":["a@contoso.com"]}"""), "properties.notifications.n.operator"),
        (Notified("""{"operator":"GreaterThan","threshold":90,"contactEmails":["a@contoso.com"]}"""), "properties.notifications.n.enabled"),
        (SixNotifications(), "properties.notifications"),
    ];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Invalid_budgets_are_refused_naming_the_field_and_nothing_is_stored(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var seed = await Seed004Scenario.LoadAsync(api);
        using var op = api.Operator();
        var budgets = $"{ProfilePath(seed)}/providers/Microsoft.Consumption/budgets";

        foreach (var (body, target) in Refusals)
        {
            var response = await op.PutAsync($"{budgets}/b1?{ApiVersion}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            var error = await AccountsApiTests.ReadAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal((body, target), (body, error.GetProperty("error").GetProperty("target").GetString()));
        }
        Assert.Empty((await GetAsync(op, $"{budgets}?{ApiVersion}")).GetProperty("value").EnumerateArray());
        var badName = await op.PutAsJsonAsync($"{budgets}/no%20spaces?{ApiVersion}", Body(10m, "Monthly", "2019-10-01"));
        Assert.Equal("budgetName", (await AccountsApiTests.ReadAsync(badName, HttpStatusCode.BadRequest)).GetProperty("error").GetProperty("target").GetString());
    }

    [Theory]
    [MemberData(nameof(MonthEdgeWorld.EnginesAndZones), MemberType = typeof(MonthEdgeWorld))]
    public async Task The_current_grain_holds_the_profiles_local_today(StorageEngine engine, string timeZone)
    {
        await using var api = await MonthEdgeWorld.StartApiAsync(engine);
        var w = await MonthEdgeWorld.CreateAsync(api, timeZone);
        using var op = api.Operator();
        var profileBudget = $"{w.ProfilePath}/providers/Microsoft.Consumption/budgets/monthly?{ApiVersion}";
        var accountBudget = $"{w.AccountPath}/providers/Microsoft.Consumption/budgets/monthly?{ApiVersion}";
        static (decimal, decimal) Spend(JsonElement budget) =>
            (budget.GetProperty("properties").GetProperty("currentSpend").GetProperty("amount").GetDecimal(),
             budget.GetProperty("properties").GetProperty("forecastSpend").GetProperty("amount").GetDecimal());

        w.BeforeMidnight();
        // Jan 31, the last of January's 31 days: 1.00 spent, 1.00 forecast.
        Assert.Equal((1.00m, 1.00m), Spend(await AccountsApiTests.ReadAsync(await op.PutAsJsonAsync(profileBudget, Body(100m, "Monthly", "2024-01-01")), HttpStatusCode.Created)));
        Assert.Equal((1.00m, 1.00m), Spend(await AccountsApiTests.ReadAsync(await op.PutAsJsonAsync(accountBudget, Body(100m, "Monthly", "2024-01-01")), HttpStatusCode.Created)));

        await w.AfterMidnightAsync();
        // Feb 1, the first of February's 29 days: 4.00 spent, 116.00 forecast.
        Assert.Equal((4.00m, 116.00m), Spend(await GetAsync(op, profileBudget)));
        Assert.Equal((4.00m, 116.00m), Spend(await GetAsync(op, accountBudget)));
    }

    private static object Body(decimal amount, string timeGrain, string startDate, string? eTag = null) => new
    {
        eTag,
        properties = new
        {
            category = "Cost", amount, timeGrain, timePeriod = new { startDate },
            notifications = new Dictionary<string, object>
            {
                ["Actual_GreaterThan_80_Percent"] = new { enabled = true, @operator = "GreaterThan", threshold = 80, contactEmails = Contacts },
            },
        },
    };

    private static string Notified(string notification) =>
        """{"properties":{"category":"Cost","amount":10,"timeGrain":"Monthly","timePeriod":{"startDate":"2019-10-01"},"notifications":{"n":""" + notification + "}}}";

    private static string SixNotifications() => JsonSerializer.Serialize(new
    {
        properties = new
        {
            category = "Cost", amount = 10, timeGrain = "Monthly", timePeriod = new { startDate = "2019-10-01" },
            notifications = Enumerable.Range(1, 6).ToDictionary(i => $"n{i}", i => new { enabled = true, @operator = "GreaterThan", threshold = i * 10, contactEmails = Contacts }),
        },
    });
}
