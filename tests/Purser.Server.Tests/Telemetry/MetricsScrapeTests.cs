using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Purser.Engine;
using Purser.Server.Jobs;
using Purser.Server.Notifications;
using Purser.Testing;

namespace Purser.Server.Tests.Telemetry;

/// <summary>GET /metrics after a usage batch, a rating pass, a top-up and a billing run holds each of Purser's metrics, exact where they count.</summary>
public class MetricsScrapeTests
{
    private static readonly DateTimeOffset Now = new(2019, 9, 10, 4, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_named_metric_is_scraped_with_the_counts_of_what_happened(StorageEngine engine)
    {
        var outbox = Directory.CreateTempSubdirectory("purser-outbox-").FullName;
        try
        {
            await using var api = await PurserApi.StartAsync(engine, Now, new MailSettings(outbox));
            // The jobs run when the test says, so the rating lag is the one this test makes.
            await api.StopBackgroundWorkAsync();
            var f = await UsageFixture.CreateAsync(api, offerType: "StandardPrepaid");
            using var op = api.Operator();
            await PurserApi.CreatedAsync(op, $"/ops/meters/{f.MeterId}/prices", new { currency = "CNY", unitPrice = 0.92m });
            await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000.00m });

            var at = Now.AddHours(-1);
            var unknownMeter = new { eventId = "bad-1", subscriptionId = f.SubscriptionId, meterId = Guid.NewGuid(), quantity = 1m, timestamp = at };
            // Three written, one repeated within the batch, one refused; then one repeated from before; then a batch refused whole.
            await IngestAsync(op, HttpStatusCode.OK, true, f.Event("e-1", 400m, at), f.Event("e-2", 400m, at), f.Event("e-3", 400m, at), f.Event("e-1", 400m, at), unknownMeter);
            await IngestAsync(op, HttpStatusCode.OK, false, f.Event("e-2", 400m, at));
            await IngestAsync(op, HttpStatusCode.BadRequest, false, unknownMeter);

            // 1,200 units at 0.92 exceed the 1,000 paid: the pass disables the subscription (Active → Disabled), 90 s after the usage came in.
            api.Clock.Advance(TimeSpan.FromSeconds(90));
            await api.Services.GetRequiredService<RatingWorker>().RateAsync(CancellationToken.None);
            // A top-up brings it back (Disabled → Active).
            await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000.00m });

            api.AdvanceClockTo(new DateTimeOffset(2019, 10, 3, 0, 0, 0, TimeSpan.Zero));
            var run = await PurserApi.PostAsync(op, "/ops/billingRuns", new { });
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
            var invoices = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoices").GetArrayLength();
            Assert.True(invoices > 0, "the run closed September");
            await api.Services.GetRequiredService<OutboxWorker>().SendDueAsync(CancellationToken.None);

            using var anonymous = api.Client(null);
            var response = await anonymous.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            var scrape = Scrape.Parse(await response.Content.ReadAsStringAsync());

            Assert.Equal(3, scrape.Value("purser_usage_events_total", ("outcome", "accepted")));
            Assert.Equal(2, scrape.Value("purser_usage_events_total", ("outcome", "duplicated")));
            Assert.Equal(2, scrape.Value("purser_usage_events_total", ("outcome", "refused")));
            Assert.Equal(3, scrape.Value("purser_usage_batch_duration_seconds_count"));
            Assert.Equal(90, scrape.Value("purser_rating_lag_seconds"));
            Assert.True(scrape.Value("purser_ledger_lock_wait_seconds_count") > 0, "every ledger change waited for its lock");
            Assert.Equal(1, scrape.Value("purser_billing_runs_total"));
            Assert.Equal(invoices, scrape.Value("purser_invoices_issued_total"));
            Assert.Equal(1, scrape.Value("purser_subscription_transitions_total", ("from", "Active"), ("to", "Disabled")));
            Assert.Equal(1, scrape.Value("purser_subscription_transitions_total", ("from", "Disabled"), ("to", "Active")));
            Assert.True(scrape.Has("purser_outbox_backlog"), scrape.Text);
            // ASP.NET Core's own request metrics come with the scrape.
            Assert.True(scrape.Has("http_server_request_duration_seconds_count"), scrape.Text);
        }
        finally
        {
            Directory.Delete(outbox, recursive: true);
        }
    }

    private static async Task IngestAsync(HttpClient op, HttpStatusCode expected, bool allowPartial, params object[] events)
    {
        var response = await PurserApi.PostAsync(op, "/ops/usage", new { source = "rp.compute", allowPartial, events });
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
