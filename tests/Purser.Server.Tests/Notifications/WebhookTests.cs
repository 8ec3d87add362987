using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Purser.Engine;
using Purser.Engine.Lifecycle;
using Purser.Engine.Notifications;
using Purser.Engine.Webhooks;
using Purser.Server.Jobs;
using Purser.Server.Tests.Arm.Billing;
using Purser.Server.Tests.Operator;
using Purser.Testing;

namespace Purser.Server.Tests.Notifications;

/// <summary>
/// R-WEBHOOK through real HTTP both ways: operator-registered endpoints on loopback receive the outbox's events of their
/// types, signed with the secret shown once, retried with backoff, logged, redelivered on request, and each event id
/// acted on once by a receiver that honours it — also when the sender dies between the receiver's answer and its mark.
/// The server's own workers are stopped so the test drives each pass on its clock.
/// </summary>
public class WebhookTests
{
    private static readonly DateTimeOffset Start = new(2019, 9, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly string[] EveryType = ["*"];
    private static readonly string[] DisabledOnly = ["SubscriptionDisabled"];
    private static readonly string[] BackdatedOnly = ["SubscriptionBackdated"];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Events_reach_each_endpoint_of_their_type_signed_retried_logged_and_once_by_event_id(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Start);
        await api.StopBackgroundWorkAsync();
        await using var erp = await WebhookReceiver.StartAsync();
        await using var audit = await WebhookReceiver.StartAsync();
        using var op = api.Operator();
        var f = await UsageFixture.CreateAsync(api, offerType: "StandardPrepaid");
        await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000m });
        api.Clock.Advance(TimeSpan.FromMinutes(1));

        var erpHook = await PurserApi.CreatedAsync(op, "/ops/webhooks", new { url = erp.Url, eventTypes = DisabledOnly, description = "ERP" });
        var auditHook = await PurserApi.CreatedAsync(op, "/ops/webhooks", new { url = audit.Url, eventTypes = EveryType });
        var (erpSecret, auditSecret) = (erpHook.Str("secret"), auditHook.Str("secret"));
        Assert.StartsWith("whsec_", erpSecret, StringComparison.Ordinal);
        Assert.NotEqual(erpSecret, auditSecret);
        // The secret is shown once: neither the list nor the endpoint's own reply carries it again.
        Assert.DoesNotContain(erpSecret, await op.GetStringAsync("/ops/webhooks"), StringComparison.Ordinal);
        Assert.DoesNotContain(erpSecret, await op.GetStringAsync($"/ops/webhooks/{erpHook.Str("id")}"), StringComparison.Ordinal);

        // A subscription recorded with an earlier start, then the credit's expiry a year on: two events, one of each type.
        var migrated = await PurserApi.CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = f.ProfileId, displayName = "Migrated", offerType = "PayAsYouGo", startDate = "2019-08-20" });
        api.Clock.SetUtcNow(Start.AddYears(1).AddMinutes(1));
        await api.Services.GetRequiredService<LifecycleSweep>().RunAsync(CancellationToken.None);
        erp.Status = 503;
        var worker = api.Services.GetRequiredService<WebhookWorker>();
        Assert.Equal((2, 1), await worker.RunDueAsync(CancellationToken.None));

        var audited = audit.Requests;
        Assert.Equal(["SubscriptionBackdated", "SubscriptionDisabled"], audited.Select(r => r.EventType));
        foreach (var r in audited)
            AssertSigned(r, auditSecret, api.Clock.GetUtcNow());
        var disabled = JsonDocument.Parse(audited[1].Body).RootElement;
        Assert.Equal(f.SubscriptionId.ToString(), disabled.Str("resourceId"));
        Assert.Equal(f.AccountId.ToString(), disabled.Str("billingAccountId"));
        // The transition's facts as they were when it happened: states, reason, and the instant its data would go (R-DELETE-90):
        // 90 days after the sweep that found the credit expired disabled it.
        var data = disabled.GetProperty("data");
        Assert.Equal(("Active", "Disabled", "CreditExpired"), (data.Str("from"), data.Str("to"), data.Str("reason")));
        Assert.Equal(api.Clock.GetUtcNow(), data.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(api.Clock.GetUtcNow().AddDays(90), data.GetProperty("deletionDueAt").GetDateTimeOffset());
        Assert.Equal(migrated.Str("id"), JsonDocument.Parse(audited[0].Body).RootElement.Str("resourceId"));

        // The ERP answered 503: logged, and retried after 30 s, then 60 s.
        var log = await DeliveriesAsync(op, erpHook);
        var entry = Assert.Single(log);
        Assert.Equal(("Pending", 1, 503), (entry.Str("status"), entry.GetProperty("attempts").GetInt32(), entry.GetProperty("lastStatusCode").GetInt32()));
        Assert.Equal(api.Clock.GetUtcNow() + OutboxBackoff.After(1), entry.GetProperty("nextAttemptAt").GetDateTimeOffset());
        api.Clock.Advance(OutboxBackoff.After(1) - TimeSpan.FromSeconds(1));
        Assert.Equal((0, 0), await worker.RunDueAsync(CancellationToken.None));
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((0, 1), await worker.RunDueAsync(CancellationToken.None));
        erp.Status = 200;
        api.Clock.Advance(OutboxBackoff.After(2));
        Assert.Equal((1, 0), await worker.RunDueAsync(CancellationToken.None));
        entry = Assert.Single(await DeliveriesAsync(op, erpHook));
        Assert.Equal(("Delivered", 3, 200), (entry.Str("status"), entry.GetProperty("attempts").GetInt32(), entry.GetProperty("lastStatusCode").GetInt32()));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("lastError").ValueKind);

        // Every attempt carried the same event id and body, each signed at its own instant.
        Assert.Equal(3, erp.Requests.Count);
        Assert.Single(erp.Requests.Select(r => (r.EventId, r.Body)).Distinct());
        Assert.Equal(audited[1].Body, erp.Requests[0].Body);
        Assert.Single(erp.Events);

        // A manual redelivery sends it again now, under the same id, which the ERP drops.
        using var again = await PurserApi.PostAsync(op, $"/ops/webhooks/{erpHook.Str("id")}/deliveries/{entry.GetProperty("id").GetInt64()}/redelivery", new { });
        Assert.Equal("Pending", (await AccountsApiTests.ReadAsync(again, HttpStatusCode.OK)).Str("status"));
        Assert.Equal((1, 0), await worker.RunDueAsync(CancellationToken.None));
        AssertSigned(erp.Requests[3], erpSecret, api.Clock.GetUtcNow());
        Assert.Equal((4, 1), (erp.Requests.Count, erp.Events.Count));

        // A removed endpoint gets nothing new and leaves the list.
        Assert.Equal(HttpStatusCode.OK, (await op.DeleteAsync($"/ops/webhooks/{auditHook.Str("id")}")).StatusCode);
        await PurserApi.CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = f.ProfileId, displayName = "Migrated 2", offerType = "PayAsYouGo", startDate = "2020-08-20" });
        Assert.Equal((0, 0), await worker.RunDueAsync(CancellationToken.None));
        Assert.Equal(2, audit.Requests.Count);
        var listed = (await op.GetFromJsonAsync<JsonElement>("/ops/webhooks")).GetProperty("value").EnumerateArray().Select(w => w.Str("id"));
        Assert.Equal([erpHook.Str("id")], listed);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_receiver_that_keeps_failing_is_retried_for_three_days_then_given_up_until_redelivered(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Start);
        await api.StopBackgroundWorkAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = 500;
        using var op = api.Operator();
        var f = await UsageFixture.CreateAsync(api);
        var hook = await PurserApi.CreatedAsync(op, "/ops/webhooks", new { url = receiver.Url, eventTypes = BackdatedOnly });
        await PurserApi.CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = f.ProfileId, displayName = "Migrated", offerType = "PayAsYouGo", startDate = "2019-08-20" });
        var worker = api.Services.GetRequiredService<WebhookWorker>();

        JsonElement entry = default;
        for (var pass = 0; pass < 200; pass++)
        {
            await worker.RunDueAsync(CancellationToken.None);
            entry = Assert.Single(await DeliveriesAsync(op, hook));
            if (entry.Str("status") != "Pending")
                break;
            api.Clock.SetUtcNow(entry.GetProperty("nextAttemptAt").GetDateTimeOffset());
        }
        Assert.Equal("GaveUp", entry.Str("status"));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("nextAttemptAt").ValueKind);
        var lastTry = entry.GetProperty("lastAttemptAt").GetDateTimeOffset();
        Assert.InRange(lastTry - Start, TimeSpan.FromDays(3) - TimeSpan.FromHours(1), TimeSpan.FromDays(3));
        Assert.Equal(receiver.Requests.Count, entry.GetProperty("attempts").GetInt32());
        Assert.Empty(receiver.Events);

        receiver.Status = 204;
        using var again = await PurserApi.PostAsync(op, $"/ops/webhooks/{hook.Str("id")}/deliveries/{entry.GetProperty("id").GetInt64()}/redelivery", new { });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((1, 0), await worker.RunDueAsync(CancellationToken.None));
        Assert.Equal("Delivered", Assert.Single(await DeliveriesAsync(op, hook)).Str("status"));
        Assert.Single(receiver.Events);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_claim_left_by_a_dead_sender_holds_others_off_until_its_lease_runs_out_and_then_the_event_goes_once(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Start);
        await api.StopBackgroundWorkAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var op = api.Operator();
        var f = await UsageFixture.CreateAsync(api);
        var hook = await PurserApi.CreatedAsync(op, "/ops/webhooks", new { url = receiver.Url, eventTypes = EveryType });
        await PurserApi.CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = f.ProfileId, displayName = "Migrated", offerType = "PayAsYouGo", startDate = "2019-08-20" });
        await api.Services.GetRequiredService<EventFanOut>().RunAsync(CancellationToken.None);

        // A process claims the delivery and dies before it settles it: no stop, no release, only the lease it took.
        // (A process killed after the receiver acted, with a real SIGKILL, is Reliability/WebhookKillTests.)
        Assert.Single(await api.Services.GetRequiredService<WebhookDispatch>().ClaimDueAsync("a process that died", CancellationToken.None));
        var entry = Assert.Single(await DeliveriesAsync(op, hook));
        Assert.Equal(("Pending", 0), (entry.Str("status"), entry.GetProperty("attempts").GetInt32()));

        var peer = ActivatorUtilities.CreateInstance<WebhookWorker>(api.Services);
        Assert.Equal((0, 0), await peer.RunDueAsync(CancellationToken.None));
        Assert.Empty(receiver.Requests);
        api.Clock.Advance(WebhookRetries.Lease + TimeSpan.FromSeconds(1));
        Assert.Equal((1, 0), await peer.RunDueAsync(CancellationToken.None));
        Assert.Single(receiver.Requests);
        Assert.Single(receiver.Events);
        Assert.Equal("Delivered", Assert.Single(await DeliveriesAsync(op, hook)).Str("status"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Bad_registrations_and_unknown_ids_get_arm_errors(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Start);
        using var op = api.Operator();
        foreach (var (body, target) in new (object, string)[]
                 {
                     (new { url = "ftp://example.test/hook", eventTypes = EveryType }, "url"),
                     (new { url = "https://user:pw@example.test/hook", eventTypes = EveryType }, "url"),
                     (new { url = "/hook", eventTypes = EveryType }, "url"),
                     (new { url = "https://example.test/hook", eventTypes = Array.Empty<string>() }, "eventTypes"),
                     (new { url = "https://example.test/hook", eventTypes = new[] { "SubscriptionDisabled", "SubscriptionDisabeld" } }, "eventTypes[1]"),
                 })
        {
            var error = (await AccountsApiTests.ReadAsync(await PurserApi.PostAsync(op, "/ops/webhooks", body), HttpStatusCode.BadRequest)).GetProperty("error");
            Assert.Equal(target, error.Str("target"));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/ops/webhooks/{Guid.NewGuid()}/deliveries")).StatusCode);
        var hook = await PurserApi.CreatedAsync(op, "/ops/webhooks", new { url = "https://example.test/hook", eventTypes = EveryType });
        Assert.Equal(HttpStatusCode.NotFound, (await PurserApi.PostAsync(op, $"/ops/webhooks/{hook.Str("id")}/deliveries/99/redelivery", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await op.GetAsync($"/ops/webhooks/{hook.Str("id")}/deliveries?top=0")).StatusCode);
    }

    /// <summary>Checks the signature as a receiver would, from the documented recipe alone: HMAC-SHA256 of "{timestamp}.{body}".</summary>
    private static void AssertSigned(WebhookRequest r, string secret, DateTimeOffset sentAt)
    {
        Assert.Equal(sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), r.Timestamp);
        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{r.Timestamp}.{r.Body}")));
        Assert.Equal(expected, r.Signature);
        Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal);
        var body = JsonDocument.Parse(r.Body).RootElement;
        Assert.Equal((r.EventId, r.EventType), (body.Str("id"), body.Str("type")));
    }

    private static async Task<List<JsonElement>> DeliveriesAsync(HttpClient op, JsonElement hook) =>
        [.. (await op.GetFromJsonAsync<JsonElement>($"/ops/webhooks/{hook.Str("id")}/deliveries"))!.GetProperty("value").EnumerateArray()];
}
