using System.Net;
using System.Text.Json;
using Purser.Engine;
using Purser.Server.Tests.Operator;
using Purser.Testing;

namespace Purser.Server.Tests.Arm;

public class CreditEndpointsTests
{
    private const string Version = "api-version=2021-10-01";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Balance_summary_reproduces_seed_004(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var seed = await Seed004Scenario.LoadAsync(api);
        using var reader = api.Client(seed.ReaderToken);

        var body = await Get(reader, $"{ProfilePath(seed)}/credits/balanceSummary?{Version}");

        var p = body.GetProperty("properties");
        Assert.Equal(996.13m, p.GetProperty("balanceSummary").GetProperty("estimatedBalance").GetProperty("value").GetDecimal());
        Assert.Equal(997.87m, p.GetProperty("balanceSummary").GetProperty("currentBalance").GetProperty("value").GetDecimal());
        Assert.Equal(-1.74m, p.GetProperty("pendingEligibleCharges").GetProperty("value").GetDecimal());
        Assert.Equal(0m, p.GetProperty("pendingCreditAdjustments").GetProperty("value").GetDecimal());
        Assert.Equal(0m, p.GetProperty("expiredCredit").GetProperty("value").GetDecimal());
        Assert.Equal("USD", p.GetProperty("balanceSummary").GetProperty("currentBalance").GetProperty("currency").GetString());
        Assert.Equal("Microsoft.Consumption/credits/balanceSummary", body.GetProperty("type").GetString());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Lots_and_events_reproduce_seed_004(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var seed = await Seed004Scenario.LoadAsync(api);
        using var reader = api.Client(seed.ReaderToken);

        var lots = (await Get(reader, $"{ProfilePath(seed)}/lots?{Version}")).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(2, lots.Count);
        Assert.All(lots, l => Assert.Equal(500.00m, l.GetProperty("properties").GetProperty("originalAmount").GetProperty("value").GetDecimal()));
        Assert.Equal([497.87m, 500.00m], lots.Select(l => l.GetProperty("properties").GetProperty("closedBalance").GetProperty("value").GetDecimal()).Order());
        Assert.All(lots, l => Assert.Equal("PromotionalCredit", l.GetProperty("properties").GetProperty("source").GetString()));
        Assert.All(lots, l => Assert.Equal("Active", l.GetProperty("properties").GetProperty("status").GetString()));

        var events = (await Get(reader, $"{ProfilePath(seed)}/events?{Version}&startDate=2019-09-01&endDate=2019-10-11")).GetProperty("value").EnumerateArray()
            .Select(e => e.GetProperty("properties")).ToList();
        Assert.Equal(["PendingCharges", "SettledCharges", "NewCredit", "NewCredit"], events.Select(e => e.GetProperty("eventType").GetString()));
        Assert.Equal([996.13m, 997.87m, 1000.00m, 500.00m], events.Select(e => e.GetProperty("closedBalance").GetProperty("value").GetDecimal()));
        Assert.Equal(-1.74m, events[0].GetProperty("charges").GetProperty("value").GetDecimal());
        Assert.Equal("", events[0].GetProperty("invoiceNumber").GetString());
        Assert.Equal(seed.InvoiceNumber, events[1].GetProperty("invoiceNumber").GetString());
        Assert.Equal(500.00m, events[3].GetProperty("newCredit").GetProperty("value").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Events_need_both_dates_and_another_tenant_sees_404(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var seed = await Seed004Scenario.LoadAsync(api);
        using var reader = api.Client(seed.ReaderToken);
        var missing = await reader.GetAsync($"{ProfilePath(seed)}/events?{Version}&startDate=2019-09-01");
        var error = await AccountsApiTests.ReadAsync(missing, HttpStatusCode.BadRequest);
        Assert.Equal("endDate", error.GetProperty("error").GetProperty("target").GetString());

        var other = await Seed004Scenario.LoadAsync(api);
        using var stranger = api.Client(other.ReaderToken);
        var response = await stranger.GetAsync($"{ProfilePath(seed)}/credits/balanceSummary?{Version}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var unversioned = await reader.GetAsync($"{ProfilePath(seed)}/lots");
        Assert.Equal("MissingApiVersionParameter", (await AccountsApiTests.ReadAsync(unversioned, HttpStatusCode.BadRequest)).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(MonthEdgeWorld.EnginesAndZones), MemberType = typeof(MonthEdgeWorld))]
    public async Task Each_closed_balance_follows_from_the_event_listed_below_it(StorageEngine engine, string timeZone)
    {
        await using var api = await MonthEdgeWorld.StartApiAsync(engine);
        var (_, events) = await ChargedAcrossMidnightAsync(api, timeZone);
        using var op = api.Operator();

        // Newest first: the draws rated at 00:30 (4.00, then January's 2.00), the charges of 00:10 and 23:50, noon's draw, the grant.
        var all = await EventsAsync(op, $"{events}&startDate=2024-01-01&endDate=2024-02-29");
        Assert.Equal([-4m, -2m, -10m, -20m, -1m, 0m], all.Select(e => Value(e, "charges")));
        Assert.Equal([0m, 0m, 0m, 0m, 0m, 100m], all.Select(e => Value(e, "newCredit")));
        Assert.Equal([63m, 67m, 69m, 79m, 99m, 100m], all.Select(e => Value(e, "closedBalance")));
    }

    [Theory]
    [MemberData(nameof(MonthEdgeWorld.EnginesAndZones), MemberType = typeof(MonthEdgeWorld))]
    public async Task Transaction_dates_are_on_the_profiles_clock(StorageEngine engine, string timeZone)
    {
        await using var api = await MonthEdgeWorld.StartApiAsync(engine);
        var (w, events) = await ChargedAcrossMidnightAsync(api, timeZone);
        using var op = api.Operator();

        var all = await EventsAsync(op, $"{events}&startDate=2024-01-01&endDate=2024-02-29");
        var (feb1, jan31) = (new DateOnly(2024, 2, 1), new DateOnly(2024, 1, 31));
        Assert.Equal([feb1, feb1, feb1, jan31, jan31, w.Zone.DayOf(MonthEdgeWorld.Opened)], all.Select(e => DateOnly.FromDateTime(Date(e).DateTime)));
        Assert.All(all, e => Assert.Equal(w.Zone.Zone.GetUtcOffset(Date(e)), Date(e).Offset));
    }

    [Theory]
    [MemberData(nameof(MonthEdgeWorld.EnginesAndZones), MemberType = typeof(MonthEdgeWorld))]
    public async Task Date_filters_pick_local_days_and_leave_closed_balances_as_they_are(StorageEngine engine, string timeZone)
    {
        await using var api = await MonthEdgeWorld.StartApiAsync(engine);
        var (w, events) = await ChargedAcrossMidnightAsync(api, timeZone);
        using var op = api.Operator();

        Assert.Equal([63m, 67m, 69m], (await EventsAsync(op, $"{events}&startDate=2024-02-01&endDate=2024-02-01")).Select(e => Value(e, "closedBalance")));
        Assert.Equal([79m, 99m], (await EventsAsync(op, $"{events}&startDate=2024-01-31&endDate=2024-01-31")).Select(e => Value(e, "closedBalance")));
        // An instant names the profile's local day it falls on, all of that day.
        var endingAt2345 = $"{events}&startDate=2024-01-31&endDate={MonthEdgeWorld.Utc(w.Local(1, 31, 23, 45))}";
        Assert.Equal([79m, 99m], (await EventsAsync(op, endingAt2345)).Select(e => Value(e, "closedBalance")));
        var february1 = Uri.EscapeDataString("properties/eventDate ge '2024-02-01' and properties/eventDate le '2024-02-01'");
        var atAccount = await EventsAsync(op, $"{w.AccountPath}/providers/Microsoft.Consumption/events?{Version}&$filter={february1}");
        Assert.Equal([63m, 67m, 69m], atAccount.Select(e => Value(e, "closedBalance")));
    }

    /// <summary>The month-edge world after midnight, plus two one-off charges recorded out of date order: 10.00 at 00:10, then 20.00 at 23:50.</summary>
    private static async Task<(MonthEdgeWorld World, string Events)> ChargedAcrossMidnightAsync(PurserApi api, string timeZone)
    {
        var w = await MonthEdgeWorld.CreateAsync(api, timeZone);
        await w.AfterMidnightAsync();
        await ConsumptionCallers.ChargeAsync(api, w.Fixture.ProfileId, 10.00m, w.Local(2, 1, 0, 10));
        await ConsumptionCallers.ChargeAsync(api, w.Fixture.ProfileId, 20.00m, w.Local(1, 31, 23, 50));
        return (w, $"{w.ProfilePath}/providers/Microsoft.Consumption/events?{Version}");
    }

    private static string ProfilePath(Seed004Scenario seed) =>
        $"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(seed.AccountName)}/billingProfiles/{seed.ProfileName}/providers/Microsoft.Consumption";

    private static async Task<List<JsonElement>> EventsAsync(HttpClient http, string path) =>
        [.. (await Get(http, path)).GetProperty("value").EnumerateArray().Select(e => e.GetProperty("properties"))];

    private static decimal Value(JsonElement properties, string amount) => properties.GetProperty(amount).GetProperty("value").GetDecimal();

    private static DateTimeOffset Date(JsonElement properties) => properties.GetProperty("transactionDate").GetDateTimeOffset();

    private static async Task<JsonElement> Get(HttpClient http, string path) =>
        await AccountsApiTests.ReadAsync(await http.GetAsync(path), HttpStatusCode.OK);
}
