using System.Net;
using System.Text.Json;
using Purser.Engine.Storage;
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

    private static string ProfilePath(Seed004Scenario seed) =>
        $"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(seed.AccountName)}/billingProfiles/{seed.ProfileName}/providers/Microsoft.Consumption";

    private static async Task<JsonElement> Get(HttpClient http, string path) =>
        await AccountsApiTests.ReadAsync(await http.GetAsync(path), HttpStatusCode.OK);
}
