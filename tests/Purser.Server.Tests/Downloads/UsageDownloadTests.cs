using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Purser.Engine;
using Purser.Server.Tests.Arm;
using Purser.Server.Tests.Usage;
using Purser.Testing;
using static Purser.Server.Tests.Arm.ConsumptionCallers;

namespace Purser.Server.Tests.Downloads;

public class UsageDownloadTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_usage_csv_agrees_with_the_events_and_the_arm_lines_row_for_row(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, UsageWorld.Created);
        var w = await UsageWorld.CreateAsync(api);
        using var op = api.Operator();

        using var response = await op.GetAsync($"/downloads/usage.csv?billingProfileId={w.ProfileId}&from=2019-09-01&to=2019-09-30");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith("_2019-09-01_2019-09-30.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes.Take(3));
        var rows = CsvReading.Rows(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var header = rows[0];
        var lines = rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList();
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));

        var expected = w.Expected(w.OnFirstProfile, new(2019, 9, 1), new(2019, 9, 30));
        Assert.Equal(expected.Select(e => e.EventId), lines.Select(l => l["eventId"]));
        Assert.Equal(expected.Select(e => (e.Quantity, e.UnitPrice, e.Cost, e.Day, e.SubscriptionId)),
            lines.Select(l => (Number(l["quantity"])!.Value, Number(l["unitPrice"]), Number(l["cost"]),
                DateOnly.ParseExact(l["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture), Guid.Parse(l["subscriptionId"]))));
        Assert.All(lines, l => Assert.Equal("CNY", l["currency"]));

        var vm4 = lines.Single(l => l["eventId"] == "vm-04");
        Assert.Equal("虚拟机 D2 v3", vm4["meterName"]);
        Assert.Equal("生产环境", vm4["subscriptionName"]);
        Assert.Equal("研发, 二组", JsonDocument.Parse(vm4["tags"]).RootElement.GetProperty("部门").GetString());
        Assert.Equal("prod \"blue\"", JsonDocument.Parse(vm4["tags"]).RootElement.GetProperty("env").GetString());
        Assert.Equal("2019-09-02T23:00:00Z", vm4["timestamp"]);
        var support = lines.Single(l => l["eventId"] == "support-1");
        Assert.Equal(("", "", "false"), (support["unitPrice"], support["cost"], support["isAzureCreditEligible"]));

        // The ARM surface lists the same events with the same figures.
        var arm = await UsageDetailsTests.AllPagesAsync(op, $"{UsageDetailsTests.ProfilePath(w)}?{ApiVersion}" +
            "&$filter=properties/usageStart%20ge%20'2019-09-01'%20and%20properties/usageEnd%20le%20'2019-09-30'&$top=9");
        Assert.Equal(lines.Select(l => (l["eventId"], Number(l["quantity"]), Number(l["cost"]))),
            arm.Select(a => (UsageDetailsTests.EventId(a), (decimal?)UsageDetailsTests.Props(a).GetProperty("quantity").GetDecimal(),
                UsageDetailsTests.Props(a).GetProperty("costInBillingCurrency") is { ValueKind: JsonValueKind.Number } c ? c.GetDecimal() : (decimal?)null)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Subscription_and_account_downloads_hold_their_own_events_on_their_profiles_local_days(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, UsageWorld.Created);
        var w = await UsageWorld.CreateAsync(api);
        using var op = api.Operator();

        var subscription = await RowsAsync(op, $"/downloads/usage.csv?subscriptionId={w.SecondSubscriptionId}&from=2019-09-01&to=2019-09-30");
        Assert.Equal(w.Expected(e => e.SubscriptionId == w.SecondSubscriptionId, new(2019, 9, 1), new(2019, 9, 30)).Select(e => e.EventId), subscription.Select(r => r[^1]));

        var account = await RowsAsync(op, $"/downloads/usage.csv?billingAccountId={w.AccountId}&from=2019-08-31&to=2019-08-31");
        Assert.Equal(["vm-00", "other-0"], account.Select(r => r[^1]));
        Assert.Empty(await RowsAsync(op, $"/downloads/usage.csv?billingAccountId={w.AccountId}&from=2019-07-01&to=2019-07-31"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Downloads_refuse_bad_ranges_and_scopes_and_follow_the_billing_roles(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, UsageWorld.Created);
        var w = await UsageWorld.CreateAsync(api);
        var stranger = await UsageFixture.CreateAsync(api);
        using var op = api.Operator();
        using var other = api.Client(await TokenAsync(api, w.AccountId, "BillingProfileReader", w.OtherProfileId));
        using var reader = api.Client(await TokenAsync(api, w.AccountId, "BillingProfileReader", w.ProfileId));
        using var foreign = api.Client(await TokenAsync(api, stranger.AccountId, "BillingAccountReader", stranger.AccountId));
        using var anonymous = api.Client(null);
        var september = "from=2019-09-01&to=2019-09-30";

        foreach (var file in (string[])["usage.csv", "billing-history.csv"])
        {
            var path = $"/downloads/{file}";
            await Status(op, $"{path}?billingProfileId={w.ProfileId}&from=2019-09-01", HttpStatusCode.BadRequest);
            await Status(op, $"{path}?billingProfileId={w.ProfileId}&from=2019-09-01&to=2019-08-01", HttpStatusCode.BadRequest);
            await Status(op, $"{path}?billingProfileId={w.ProfileId}&from=2019-01-01&to=2020-01-02", HttpStatusCode.BadRequest);
            await Status(op, $"{path}?billingProfileId={w.ProfileId}&from=9/1/2019&to=2019-09-30", HttpStatusCode.BadRequest);
            await Status(op, $"{path}?{september}", HttpStatusCode.BadRequest);
            await Status(op, $"{path}?billingProfileId={w.ProfileId}&subscriptionId={w.SubscriptionId}&{september}", HttpStatusCode.BadRequest);
            await Status(op, $"{path}?billingProfileId=生产&{september}", HttpStatusCode.BadRequest);
            await Status(op, $"{path}?billingProfileId={Guid.NewGuid()}&{september}", HttpStatusCode.NotFound);
            await Status(op, $"{path}?subscriptionId={Guid.NewGuid()}&{september}", HttpStatusCode.NotFound);
            await Status(foreign, $"{path}?billingAccountId={w.AccountId}&{september}", HttpStatusCode.NotFound);
            await Status(foreign, $"{path}?subscriptionId={w.SubscriptionId}&{september}", HttpStatusCode.NotFound);
            await Status(other, $"{path}?billingProfileId={w.ProfileId}&{september}", HttpStatusCode.Forbidden);
            await Status(other, $"{path}?subscriptionId={w.SubscriptionId}&{september}", HttpStatusCode.Forbidden);
            await Status(reader, $"{path}?billingAccountId={w.AccountId}&{september}", HttpStatusCode.Forbidden);
            await Status(anonymous, $"{path}?billingProfileId={w.ProfileId}&{september}", HttpStatusCode.Unauthorized);
            await Status(reader, $"{path}?billingProfileId={w.ProfileId}&from=2019-01-01&to=2020-01-01", HttpStatusCode.OK);
            await Status(other, $"{path}?subscriptionId={w.OtherSubscriptionId}&{september}", HttpStatusCode.OK);
        }
    }

    internal static async Task<List<List<string>>> RowsAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes.Take(3));
        return [.. CsvReading.Rows(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)).Skip(1)];
    }

    private static async Task Status(HttpClient http, string path, HttpStatusCode expected)
    {
        using var response = await http.GetAsync(path);
        Assert.True(response.StatusCode == expected, $"{path}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static decimal? Number(string text) => text.Length == 0 ? null : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
