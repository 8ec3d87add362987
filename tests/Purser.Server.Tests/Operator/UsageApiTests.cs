using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Server.Tests.Operator;

public class UsageApiTests
{
    private static readonly DateTimeOffset Evening = new(2019, 9, 1, 20, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Duplicates_within_and_across_batches_are_dropped_and_aggregates_use_the_profiles_local_day(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Evening.AddHours(12));
        var f = await UsageFixture.CreateAsync(api);
        using var op = api.Operator();
        var events = Enumerable.Range(0, 10).Select(i => f.Event($"e{i}", 1.5m + i, Evening.AddHours(i))).Append(f.Event("e3", 4.5m, Evening.AddHours(3))).ToList();

        var first = await AccountsApiTests.ReadAsync(await op.PostAsJsonAsync("/ops/usage", new { source = "rp.compute", events }), HttpStatusCode.OK);
        Assert.Equal(11, first.GetProperty("received").GetInt32());
        Assert.Equal(10, first.GetProperty("accepted").GetInt32());
        Assert.Equal(["e3"], first.GetProperty("duplicates").EnumerateArray().Select(d => d.GetString()));

        var replay = await AccountsApiTests.ReadAsync(await op.PostAsJsonAsync("/ops/usage", new { source = "rp.compute", events }), HttpStatusCode.OK);
        Assert.Equal(0, replay.GetProperty("accepted").GetInt32());
        Assert.Equal(11, replay.GetProperty("duplicates").GetArrayLength());

        await using var db = api.Database.Store.CreateContext();
        Assert.Equal(10, await db.UsageEvents.CountAsync());
        var days = await db.UsageDailyAggregates.AsNoTracking().OrderBy(a => a.UsageDate).ToListAsync();
        // 20:00 UTC is 04:00 next day in Shanghai: every event falls on 2 September local.
        var day = Assert.Single(days);
        Assert.Equal(new DateOnly(2019, 9, 2), day.UsageDate);
        Assert.Equal(Enumerable.Range(0, 10).Sum(i => 1.5m + i), day.Quantity);
        Assert.Equal(f.AccountId, day.BillingAccountId);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_event_id_is_once_only_per_billing_account_so_two_tenants_never_collide(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Evening.AddHours(12));
        var a = await UsageFixture.CreateAsync(api);
        var b = await UsageFixture.CreateAsync(api);
        using var op = api.Operator();
        // A second subscription of a's account: the same id there is the same event again.
        var other = await PurserApi.CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = a.ProfileId, displayName = "测试环境", offerType = "PayAsYouGo" });
        var mixed = new[]
        {
            a.Event("vm-1", 2m, Evening), b.Event("vm-1", 3m, Evening), a.Event("vm-1", 5m, Evening),
            new { eventId = "vm-1", subscriptionId = other.GetProperty("id").GetGuid(), meterId = a.MeterId, quantity = 7m, timestamp = Evening, resourceId = (string?)null },
        };
        var first = await AccountsApiTests.ReadAsync(await op.PostAsJsonAsync("/ops/usage", new { source = "rp.compute", events = mixed }), HttpStatusCode.OK);
        Assert.Equal(2, first.GetProperty("accepted").GetInt32());
        Assert.Equal(["vm-1", "vm-1"], first.GetProperty("duplicates").EnumerateArray().Select(d => d.GetString()));
        // Across batches too: b's id is taken in b's account only.
        var again = await AccountsApiTests.ReadAsync(await op.PostAsJsonAsync("/ops/usage", new { source = "rp.compute", events = new[] { b.Event("vm-1", 3m, Evening), b.Event("vm-2", 1m, Evening) } }), HttpStatusCode.OK);
        Assert.Equal(1, again.GetProperty("accepted").GetInt32());

        await using var db = api.Database.Store.CreateContext();
        var days = await db.UsageDailyAggregates.AsNoTracking().ToDictionaryAsync(d => d.SubscriptionId, d => d.Quantity);
        Assert.Equal(2m, days[a.SubscriptionId]);
        Assert.Equal(4m, days[b.SubscriptionId]);
        Assert.Equal(2, days.Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task One_invalid_event_refuses_the_batch_naming_each_problem_and_writes_nothing(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Evening.AddHours(12));
        var f = await UsageFixture.CreateAsync(api);
        using var op = api.Operator();
        var events = new object[]
        {
            f.Event("ok-1", 1m, Evening),
            new { eventId = "bad-meter", subscriptionId = f.SubscriptionId, meterId = Guid.NewGuid(), quantity = 1m, timestamp = Evening },
            f.Event("negative", -2m, Evening),
            new { eventId = "bad-sub", subscriptionId = Guid.NewGuid(), meterId = f.MeterId, quantity = 1m, timestamp = Evening },
            f.Event("future", 1m, Evening.AddDays(2)),
            f.Event("ancient", 1m, Evening.AddDays(-400)),
            f.Event("huge", 1e12m, Evening),
            new { subscriptionId = f.SubscriptionId, meterId = f.MeterId, quantity = 1m, timestamp = Evening },
        };

        var refused = await AccountsApiTests.ReadAsync(await op.PostAsJsonAsync("/ops/usage", new { events }), HttpStatusCode.BadRequest);
        var error = refused.GetProperty("error");
        Assert.Equal("InvalidUsageBatch", error.GetProperty("code").GetString());
        Assert.Equal(
            ["events[1].meterId", "events[2].quantity", "events[3].subscriptionId", "events[4].timestamp", "events[5].timestamp", "events[6].quantity", "events[7].eventId"],
            error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("target").GetString()));
        await using (var db = api.Database.Store.CreateContext())
            Assert.Equal(0, await db.UsageEvents.CountAsync());

        var partial = await AccountsApiTests.ReadAsync(await op.PostAsJsonAsync("/ops/usage", new { events, allowPartial = true }), HttpStatusCode.OK);
        Assert.Equal(1, partial.GetProperty("accepted").GetInt32());
        Assert.Equal(7, partial.GetProperty("errors").GetArrayLength());
        await using (var db = api.Database.Store.CreateContext())
            Assert.Equal("ok-1", (await db.UsageEvents.SingleAsync()).EventId);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Malformed_mistyped_oversized_and_overlong_batches_get_4xx_arm_errors_and_write_nothing(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Evening.AddHours(12));
        var f = await UsageFixture.CreateAsync(api);
        using var operatorClient = api.Operator();
        // Expect: 100-continue lets the server refuse an oversized body before the client sends it. HttpClient sends the body
        // anyway after 350 ms without an answer, which a loaded machine can take; then the refusal breaks the pipe.
        using var op = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = operatorClient.BaseAddress };
        op.DefaultRequestHeaders.Authorization = operatorClient.DefaultRequestHeaders.Authorization;

        async Task<(HttpStatusCode, string?, string?)> Post(HttpContent content)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/ops/usage") { Content = content };
            request.Headers.ExpectContinue = true;
            var response = await op.SendAsync(request);
            var body = await AccountsApiTests.ReadAsync(response, response.StatusCode);
            var error = body.GetProperty("error");
            return (response.StatusCode, error.GetProperty("code").GetString(), error.GetProperty("message").GetString());
        }

        var malformed = await Post(new StringContent("{\"events\": [", Encoding.UTF8, "application/json"));
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidRequestContent"), (malformed.Item1, malformed.Item2));

        var mistyped = await Post(new StringContent($$"""{"events":[{"eventId":"x","subscriptionId":"{{f.SubscriptionId}}","meterId":"{{f.MeterId}}","quantity":"lots","timestamp":"2019-09-01T20:00:00Z"}]}""", Encoding.UTF8, "application/json"));
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidRequestContent"), (mistyped.Item1, mistyped.Item2));
        Assert.Contains("quantity", mistyped.Item3, StringComparison.Ordinal);

        var tooMany = await Post(JsonContent.Create(new { events = Enumerable.Range(0, 1001).Select(i => f.Event($"n{i}", 1m, Evening)) }));
        Assert.Equal((HttpStatusCode.BadRequest, "BatchTooLarge"), (tooMany.Item1, tooMany.Item2));

        var hundredMegabytes = new string(' ', 100 * 1024 * 1024);
        var huge = await Post(new StringContent("{\"events\":[]" + hundredMegabytes + "}", Encoding.UTF8, "application/json"));
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "RequestTooLarge"), (huge.Item1, huge.Item2));

        await using var db = api.Database.Store.CreateContext();
        Assert.Equal(0, await db.UsageEvents.CountAsync());
        Assert.Equal(0, await db.UsageDailyAggregates.CountAsync());
    }
}
