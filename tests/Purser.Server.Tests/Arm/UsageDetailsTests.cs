using System.Net;
using System.Text.Json;
using Purser.Engine;
using Purser.Server.Tests.Usage;
using Purser.Testing;
using static Purser.Server.Tests.Arm.ConsumptionCallers;

namespace Purser.Server.Tests.Arm;

public class UsageDetailsTests
{
    private const string September = "$filter=properties/usageStart%20ge%20'2019-09-01'%20and%20properties/usageEnd%20le%20'2019-09-30'";
    private static readonly DateOnly First = new(2019, 9, 1);
    private static readonly DateOnly Last = new(2019, 9, 30);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Lines_at_every_scope_agree_with_the_events_line_for_line_across_pages(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, UsageWorld.Created);
        var w = await UsageWorld.CreateAsync(api);
        using var op = api.Operator();

        var bySubscription = await AllPagesAsync(op, $"{SubscriptionPath(w.SubscriptionId)}?{ApiVersion}&{September}&$top=7&$expand=meterDetails&metric=actualcost");
        AssertLines(w.Expected(e => e.SubscriptionId == w.SubscriptionId, First, Last), bySubscription, "legacy");
        Assert.All(bySubscription, l => Assert.Equal(w.SubscriptionId.ToString("D"), Props(l).GetProperty("subscriptionId").GetString()));

        var byProfile = await AllPagesAsync(op, $"{ProfilePath(w)}?{ApiVersion}&{September}&$top=10");
        AssertLines(w.Expected(w.OnFirstProfile, First, Last), byProfile, "modern");

        var byAccount = await AllPagesAsync(op, $"{AccountPath(w)}?{ApiVersion}&{September}&$top=1000");
        var expected = w.Expected(_ => true, First, Last);
        AssertLines(expected, byAccount, "modern");
        // Each profile counts its own days: 8/31 17:00 UTC is 9/1 in Shanghai, 8/31 23:30 UTC still August on the UTC profile.
        Assert.DoesNotContain(byAccount, l => EventId(l) is "other-0" or "vm-00");
        Assert.Equal(["edge", "vm-01", "vm-02"], byAccount.Take(3).Select(EventId));
        Assert.Equal(["tie-b", "tie-a"], byAccount.Select(EventId).Where(id => id.StartsWith("tie", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Legacy_and_modern_lines_carry_azure_shapes_prices_and_owners(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, UsageWorld.Created);
        var w = await UsageWorld.CreateAsync(api);
        using var op = api.Operator();

        var legacy = (await GetAsync(op, $"{SubscriptionPath(w.SubscriptionId)}?{ApiVersion}&{September}")).GetProperty("value").EnumerateArray().ToList();
        var vm3 = legacy.Single(l => EventId(l) == "vm-03");
        Assert.Equal("legacy", vm3.GetProperty("kind").GetString());
        Assert.Equal("Microsoft.Consumption/usageDetails", vm3.GetProperty("type").GetString());
        Assert.Equal($"/subscriptions/{w.SubscriptionId:D}/providers/Microsoft.Consumption/usageDetails/{vm3.GetProperty("name").GetString()}", vm3.GetProperty("id").GetString());
        var p = Props(vm3);
        Assert.Equal(w.AccountName, p.GetProperty("billingAccountId").GetString());
        Assert.Equal("上海云启科技", p.GetProperty("billingAccountName").GetString());
        Assert.Equal(w.ProfileName, p.GetProperty("billingProfileId").GetString());
        Assert.Equal("生产", p.GetProperty("billingProfileName").GetString());
        Assert.Equal("生产环境", p.GetProperty("subscriptionName").GetString());
        Assert.Equal("2019-09-01T00:00:00+00:00", p.GetProperty("billingPeriodStartDate").GetString());
        Assert.Equal("2019-09-30T00:00:00+00:00", p.GetProperty("billingPeriodEndDate").GetString());
        // vm-03 is 8/31 15:00 UTC + 42 h = 9/2 09:00 UTC, 17:00 in Shanghai.
        Assert.Equal("2019-09-02T00:00:00+00:00", p.GetProperty("date").GetString());
        var meter = p.GetProperty("meterDetails");
        Assert.Equal("虚拟机 D2 v3", meter.GetProperty("meterName").GetString());
        Assert.Equal("Virtual Machines", meter.GetProperty("meterCategory").GetString());
        Assert.Equal("1 Hour", meter.GetProperty("unitOfMeasure").GetString());
        Assert.Equal(w.Fixture.MeterId, p.GetProperty("meterId").GetGuid());
        Assert.Equal(3.625m, p.GetProperty("quantity").GetDecimal());
        Assert.Equal(0.92m, p.GetProperty("unitPrice").GetDecimal());
        Assert.Equal(0.92m, p.GetProperty("effectivePrice").GetDecimal());
        Assert.Equal(3.335m, p.GetProperty("cost").GetDecimal());
        Assert.Equal("CNY", p.GetProperty("billingCurrency").GetString());
        Assert.Equal("Usage", p.GetProperty("chargeType").GetString());
        Assert.Equal("UsageBased", p.GetProperty("frequency").GetString());
        Assert.Equal("Azure", p.GetProperty("publisherType").GetString());
        Assert.True(p.GetProperty("isAzureCreditEligible").GetBoolean());
        Assert.Equal($"/subscriptions/{w.SubscriptionId}/resourceGroups/rg-生产/providers/Microsoft.Compute/virtualMachines/vm3", p.GetProperty("resourceId").GetString());
        Assert.Equal("vm3", p.GetProperty("resourceName").GetString());
        Assert.Equal("rg-生产", p.GetProperty("resourceGroup").GetString());

        var support = Props(legacy.Single(l => EventId(l) == "support-1"));
        Assert.Equal(JsonValueKind.Null, support.GetProperty("unitPrice").ValueKind);
        Assert.Equal(JsonValueKind.Null, support.GetProperty("cost").ValueKind);
        Assert.False(support.GetProperty("isAzureCreditEligible").GetBoolean());

        var tagged = legacy.Single(l => EventId(l) == "vm-04");
        Assert.Equal("研发, 二组", tagged.GetProperty("tags").GetProperty("部门").GetString());

        var modern = (await GetAsync(op, $"{ProfilePath(w)}?{ApiVersion}&{September}")).GetProperty("value").EnumerateArray().Single(l => EventId(l) == "vm-20");
        Assert.Equal("modern", modern.GetProperty("kind").GetString());
        Assert.StartsWith($"/providers/Microsoft.Billing/billingAccounts/{w.AccountName}/billingProfiles/{w.ProfileName}/providers/Microsoft.Consumption/usageDetails/",
            modern.GetProperty("id").GetString(), StringComparison.Ordinal);
        var m = Props(modern);
        Assert.Equal(w.SubscriptionId.ToString("D"), m.GetProperty("subscriptionGuid").GetString());
        Assert.Equal("虚拟机 D2 v3", m.GetProperty("meterName").GetString());
        Assert.Equal(22.75m, m.GetProperty("quantity").GetDecimal());
        Assert.Equal(0.80m, m.GetProperty("effectivePrice").GetDecimal());
        Assert.Equal(18.2m, m.GetProperty("costInBillingCurrency").GetDecimal());
        Assert.Equal("CNY", m.GetProperty("billingCurrencyCode").GetString());
        Assert.Equal(JsonValueKind.Null, m.GetProperty("costInUSD").ValueKind);
        Assert.Equal("Usage", m.GetProperty("chargeType").GetString());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Filters_pick_local_usage_dates_and_no_filter_lists_the_current_billing_period(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, UsageWorld.Created);
        var w = await UsageWorld.CreateAsync(api);
        using var op = api.Operator();
        var path = $"{SubscriptionPath(w.SubscriptionId)}?{ApiVersion}";
        bool Mine(SentUsage e) => e.SubscriptionId == w.SubscriptionId;

        var current = await AllPagesAsync(op, path);
        AssertLines(w.Expected(Mine, First, Last), current, "legacy");

        var twoDays = await AllPagesAsync(op, $"{path}&$filter=properties/date%20ge%20'2019-09-05T00:00:00Z'%20and%20properties/date%20le%20'2019-09-06'");
        AssertLines(w.Expected(Mine, new(2019, 9, 5), new(2019, 9, 6)), twoDays, "legacy");
        Assert.NotEmpty(twoDays);

        var august = await AllPagesAsync(op, $"{path}&$filter=properties/usageStart%20ge%20'2019-08-01'%20and%20properties/usageEnd%20le%20'2019-08-31'&metric=usage");
        Assert.Equal(["vm-00"], august.Select(EventId));

        var empty = await GetAsync(op, $"{path}&$filter=properties/usageStart%20ge%20'2019-07-01'%20and%20properties/usageEnd%20le%20'2019-07-31'");
        Assert.Empty(empty.GetProperty("value").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("nextLink").ValueKind);

        await GetAsync(op, $"{path}&$filter=properties/resourceGroup%20eq%20'rg'", HttpStatusCode.BadRequest);
        await GetAsync(op, $"{path}&$filter=properties/usageStart%20ge%20'2019-09-10'%20and%20properties/usageEnd%20le%20'2019-09-01'", HttpStatusCode.BadRequest);
        await GetAsync(op, $"{path}&metric=forecast", HttpStatusCode.BadRequest);
        await GetAsync(op, SubscriptionPath(w.SubscriptionId), HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Readers_see_their_scope_others_get_403_strangers_and_unknowns_404_and_anonymous_401(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, UsageWorld.Created);
        var w = await UsageWorld.CreateAsync(api);
        var stranger = await UsageFixture.CreateAsync(api);
        var profileReader = await TokenAsync(api, w.AccountId, "BillingProfileReader", w.ProfileId);
        var otherProfileReader = await TokenAsync(api, w.AccountId, "BillingProfileReader", w.OtherProfileId);
        var accountReader = await TokenAsync(api, w.AccountId, "BillingAccountReader", w.AccountId);
        var strangerReader = await TokenAsync(api, stranger.AccountId, "BillingAccountReader", stranger.AccountId);
        var query = $"?{ApiVersion}&{September}";
        using var reader = api.Client(profileReader);
        using var other = api.Client(otherProfileReader);
        using var account = api.Client(accountReader);
        using var foreign = api.Client(strangerReader);
        using var anonymous = api.Client(null);

        Assert.NotEmpty((await GetAsync(reader, SubscriptionPath(w.SubscriptionId) + query)).GetProperty("value").EnumerateArray());
        Assert.NotEmpty((await GetAsync(reader, ProfilePath(w) + query)).GetProperty("value").EnumerateArray());
        Assert.NotEmpty((await GetAsync(account, AccountPath(w) + query)).GetProperty("value").EnumerateArray());
        Assert.NotEmpty((await GetAsync(other, SubscriptionPath(w.OtherSubscriptionId) + query)).GetProperty("value").EnumerateArray());

        await GetAsync(reader, AccountPath(w) + query, HttpStatusCode.Forbidden);
        await GetAsync(other, ProfilePath(w) + query, HttpStatusCode.Forbidden);
        await GetAsync(other, SubscriptionPath(w.SubscriptionId) + query, HttpStatusCode.Forbidden);
        await GetAsync(foreign, SubscriptionPath(w.SubscriptionId) + query, HttpStatusCode.NotFound);
        await GetAsync(foreign, ProfilePath(w) + query, HttpStatusCode.NotFound);
        await GetAsync(foreign, AccountPath(w) + query, HttpStatusCode.NotFound);
        await GetAsync(account, SubscriptionPath(Guid.NewGuid()) + query, HttpStatusCode.NotFound);
        await GetAsync(account, SubscriptionPath("not-a-subscription") + query, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(SubscriptionPath(w.SubscriptionId) + query)).StatusCode);
    }

    internal static string SubscriptionPath(object subscription) => $"/subscriptions/{subscription}/providers/Microsoft.Consumption/usageDetails";

    internal static string AccountPath(UsageWorld w) =>
        $"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(w.AccountName)}/providers/Microsoft.Consumption/usageDetails";

    internal static string ProfilePath(UsageWorld w) =>
        $"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(w.AccountName)}/billingProfiles/{w.ProfileName}/providers/Microsoft.Consumption/usageDetails";

    [Theory]
    [MemberData(nameof(MonthEdgeWorld.EnginesAndZones), MemberType = typeof(MonthEdgeWorld))]
    public async Task An_instant_in_a_filter_names_the_profiles_local_day_of_it(StorageEngine engine, string timeZone)
    {
        await using var api = await MonthEdgeWorld.StartApiAsync(engine);
        var w = await MonthEdgeWorld.CreateAsync(api, timeZone);
        await w.AfterMidnightAsync();
        using var op = api.Operator();
        string Filter(string from, string to) => "$filter=" + Uri.EscapeDataString($"properties/usageStart ge '{from}' and properties/usageEnd le '{to}'");
        var (at2355, at0005) = (MonthEdgeWorld.Utc(w.Local(1, 31, 23, 55)), MonthEdgeWorld.Utc(w.Local(2, 1, 0, 5)));

        foreach (var scope in new[] { $"{w.ProfilePath}/providers/Microsoft.Consumption/usageDetails", $"{w.AccountPath}/providers/Microsoft.Consumption/usageDetails" })
        {
            Assert.Equal(["early"], (await AllPagesAsync(op, $"{scope}?{ApiVersion}&{Filter(at0005, "2024-02-29")}")).Select(EventId));
            Assert.Equal(["noon", "late"], (await AllPagesAsync(op, $"{scope}?{ApiVersion}&{Filter("2024-01-31", at2355)}")).Select(EventId));
        }
    }

    internal static JsonElement Props(JsonElement line) => line.GetProperty("properties");

    internal static string EventId(JsonElement line) =>
        JsonDocument.Parse(Props(line).GetProperty("additionalInfo").GetString()!).RootElement.GetProperty("EventId").GetString()!;

    /// <summary>Follows nextLink verbatim, as the official client does, checking each link keeps the api-version and the filter.</summary>
    internal static async Task<List<JsonElement>> AllPagesAsync(HttpClient http, string first)
    {
        var lines = new List<JsonElement>();
        for (var next = first; ;)
        {
            var page = await GetAsync(http, next);
            lines.AddRange(page.GetProperty("value").EnumerateArray());
            if (page.GetProperty("nextLink").GetString() is not { } link)
                return lines;
            Assert.Contains("api-version=2021-10-01", link, StringComparison.Ordinal);
            Assert.Equal(first.Contains("$filter", StringComparison.Ordinal), link.Contains("%24filter", StringComparison.Ordinal) || link.Contains("$filter", StringComparison.Ordinal));
            next = link;
        }
    }

    private static void AssertLines(IReadOnlyList<SentUsage> expected, List<JsonElement> lines, string kind)
    {
        Assert.Equal(expected.Select(e => e.EventId), lines.Select(EventId));
        Assert.Equal(lines.Count, lines.Select(l => l.GetProperty("name").GetString()).Distinct().Count());
        Assert.All(lines, l => Assert.Equal(kind, l.GetProperty("kind").GetString()));
        var cost = kind == "legacy" ? "cost" : "costInBillingCurrency";
        Assert.Equal(expected.Select(e => (e.Quantity, e.UnitPrice, e.Cost, e.Day)),
            lines.Select(l => (Props(l).GetProperty("quantity").GetDecimal(), Decimal(Props(l).GetProperty(kind == "legacy" ? "unitPrice" : "effectivePrice")),
                Decimal(Props(l).GetProperty(cost)), DateOnly.FromDateTime(Props(l).GetProperty("date").GetDateTimeOffset().UtcDateTime))));
    }

    private static decimal? Decimal(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal();
}
