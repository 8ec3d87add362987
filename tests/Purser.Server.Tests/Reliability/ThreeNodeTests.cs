using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Purser.Engine;
using Purser.Engine.Jobs;
using Purser.Engine.Notifications;
using Purser.Engine.Storage.Entities;
using Purser.Server.Jobs;
using Purser.Server.Tests.Notifications;
using Purser.Server.Tests.Operator;
using Purser.Server.Tests.Telemetry;
using Purser.Testing;
using Xunit.Abstractions;

namespace Purser.Server.Tests.Reliability;

/// <summary>
/// A deployment of three <c>purser serve</c> processes on one PostgreSQL behind HAProxy (round robin, checked on /readyz), each
/// sending e-mail to one SMTP server and webhooks to one receiver, on the real clock. Clients ingest usage (some batches twice),
/// top up and read through the proxy; the usage runs the prepaid credit out past both credit alerts and disables the
/// subscription, and a top-up enables it again. Then: every process served requests, each accepted event counted once, each
/// minute job ran once per minute, and every e-mail and webhook event the outbox wrote arrived exactly once.
/// </summary>
public sealed class ThreeNodeTests(ITestOutputHelper output) : IDisposable
{
    private const int Nodes = 3;
    private const int Clients = 4;
    private const int BatchesPerClient = 6;
    private const int EventsPerBatch = 10;
    private const decimal Quantity = 0.5m;
    private const decimal Price = 10.00m;

    // 4 × 6 × 10 events of 0.5 at 10.00 is 1,200.00 of usage: past the 20% and 5% alerts of a 1,000.00 top-up (the least
    // payment), and past its end.
    private const decimal TopUp = 1000m;

    private static readonly string[] EveryType = ["*"];
    // Three processes start at once on a machine the rest of the suite shares: a start may take a minute.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    // The outbox and webhook passes run every 10 s in each process, the rating after every batch: bounded waits for what follows.
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan PassInterval = TimeSpan.FromSeconds(10);

    private static readonly string[] MinuteJobs =
        [BillingScheduler.JobName, LifecycleSweepWorker.JobName, WeeklyReminderJob.JobName, ExpiringCreditJob.JobName, StopReminderJob.JobName, BudgetRolloverJob.JobName];

    private readonly string _workDir = Directory.CreateTempSubdirectory("purser-three-").FullName;

    [Fact]
    public async Task Three_processes_behind_haproxy_share_the_requests_count_each_event_once_run_each_job_once_a_minute_and_deliver_each_message_once()
    {
        var elapsed = Stopwatch.StartNew();
        var startedAt = DateTime.UtcNow;
        await using var db = await TestDatabase.CreateAsync(StorageEngine.Postgres);
        var token = await PurserApi.OperatorTokenAsync(db);
        using var smtp = await SmtpSink.StartAsync();
        await using var hooks = await WebhookReceiver.StartAsync();

        string[] mail = ["--smtp-host", "127.0.0.1", "--smtp-port", smtp.Port.ToString(CultureInfo.InvariantCulture), "--smtp-security", "None"];
        var starting = Enumerable.Range(1, Nodes).Select(n => PurserProcess.ServeAsync(
            Directory.CreateDirectory(Path.Combine(_workDir, $"node{n}")).FullName, db.ConnectionString, StartTimeout, scheduledBilling: true, mail)).ToList();
        (PurserProcess Process, string BaseAddress)[] nodes;
        try
        {
            nodes = await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
                await (await started).Process.DisposeAsync();
            throw;
        }
        try
        {
            output.WriteLine($"three processes serving after {elapsed.Elapsed.TotalSeconds:0} s");
            await using var proxy = await HaProxy.StartAsync([.. nodes.Select(n => n.BaseAddress)], StartTimeout);
            await RunAsync(db, token, smtp, hooks, proxy, nodes, startedAt);
            output.WriteLine($"{elapsed.Elapsed.TotalSeconds:0} s in all");
        }
        finally
        {
            foreach (var (process, _) in nodes)
                await process.DisposeAsync();
        }
    }

    private async Task RunAsync(TestDatabase db, string token, SmtpSink smtp, WebhookReceiver hooks, HaProxy proxy,
        IReadOnlyList<(PurserProcess Process, string BaseAddress)> nodes, DateTime startedAt)
    {
        using var op = PurserApi.Client(proxy.Address, token);
        // Registered first, so every event written from here on is owed to it.
        await PurserApi.CreatedAsync(op, "/ops/webhooks", new { url = hooks.Url, eventTypes = EveryType });
        var f = await UsageFixture.CreateAsync(op, offerType: "StandardPrepaid");
        // A day line is rated at the price in force when its local day began: a price from two days ago covers today's usage
        // (and, being backdated, is an event of its own).
        await PurserApi.CreatedAsync(op, $"/ops/meters/{f.MeterId}/prices", new { currency = "CNY", unitPrice = Price, effectiveFrom = DateTimeOffset.UtcNow.AddDays(-2) });
        await NoticeMail.AddAdministratorAsync(op, f.AccountId, "wang@example.cn", "Lei", "Wang", "en");
        await NoticeMail.AddAdministratorAsync(op, f.AccountId, "li@example.cn", null, null, "zh-Hans");
        await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = TopUp });
        var reader = await ConcurrentProfileTests.ReaderTokenAsync(op, f);
        var (account, profile) = await ConcurrentProfileTests.NamesAsync(db.Store, f);
        var profilePath = $"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(account)}/billingProfiles/{profile}/providers/Microsoft.Consumption";
        string[] reads = [$"{profilePath}/credits/balanceSummary?api-version=2021-10-01", $"{profilePath}/lots?api-version=2021-10-01"];

        var sent = new ConcurrentDictionary<string, decimal>(StringComparer.Ordinal);
        var (posts, duplicatesSent, readsDone) = (0, 0, 0);

        async Task PostAsync(HttpClient http, object[] batch, int duplicates)
        {
            var result = await AccountsApiTests.ReadAsync(await http.PostAsJsonAsync("/ops/usage", new { source = "three-node", events = batch }), HttpStatusCode.OK);
            Interlocked.Increment(ref posts);
            Assert.Equal((batch.Length - duplicates, duplicates), (result.GetProperty("accepted").GetInt32(), result.GetProperty("duplicates").GetArrayLength()));
        }

        async Task IngestAsync(int client)
        {
            using var http = PurserApi.Client(proxy.Address, token);
            object[]? previous = null;
            for (var b = 0; b < BatchesPerClient; b++)
            {
                var batch = Enumerable.Range(0, EventsPerBatch).Select(i =>
                {
                    var id = $"c{client}-b{b}-e{i}";
                    sent[id] = Quantity;
                    return f.Event(id, Quantity, DateTimeOffset.UtcNow);
                }).ToArray();
                await PostAsync(http, batch, duplicates: 0);
                // Every other batch the client sends its previous one again, as after a lost reply; round robin takes it to
                // another process than the first time.
                if (previous is not null && b % 2 == 1)
                {
                    await PostAsync(http, previous, duplicates: previous.Length);
                    Interlocked.Add(ref duplicatesSent, previous.Length);
                }
                previous = batch;
            }
        }

        using var ingested = new CancellationTokenSource();
        async Task ReadAsync()
        {
            using var http = PurserApi.Client(proxy.Address, reader);
            do
            {
                foreach (var path in reads)
                {
                    Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(path)).StatusCode);
                    Interlocked.Increment(ref readsDone);
                }
            }
            while (!ingested.IsCancellationRequested);
        }

        var readers = Enumerable.Range(0, 2).Select(_ => ReadAsync()).ToList();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(IngestAsync));
        await ingested.CancelAsync();
        await Task.WhenAll(readers);

        // Whichever process rates the exhausting usage disables the subscription; a top-up through the proxy enables it again.
        await WaitForAsync("the subscription disabled", async () =>
            !(await AccountsApiTests.ReadAsync(await op.GetAsync($"/ops/subscriptions/{f.SubscriptionId}/entitlement"), HttpStatusCode.OK))
                .GetProperty("entitled").GetBoolean(), nodes);
        var topUp = await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 2 * TopUp });
        Assert.Equal("Active", topUp.GetProperty("subscriptionState").GetString());

        output.WriteLine($"usage ingested, the subscription disabled and enabled again at {(DateTime.UtcNow - startedAt).TotalSeconds:0} s");
        // Everything written is sent; then one more pass of every process, in which a second copy of anything would go out.
        await WaitForAsync("every message sent", () => SettledAsync(db, smtp, hooks), nodes);
        output.WriteLine($"every message sent at {(DateTime.UtcNow - startedAt).TotalSeconds:0} s");
        await Task.Delay(PassInterval);
        await WaitForAsync("every message sent", () => SettledAsync(db, smtp, hooks), nodes);

        var (scrapes, runs) = await ScrapeQuietAsync(db, nodes);
        AssertSpread(scrapes, posts);
        await AssertCountedOnceAsync(db, f, scrapes, sent, duplicatesSent);
        AssertOneRunPerMinute(runs, scrapes, nodes, startedAt);
        await AssertDeliveredOnceAsync(db, smtp, hooks);
        output.WriteLine($"{posts} usage posts ({sent.Count} events, {duplicatesSent} sent again), {readsDone} reads; " +
            $"usage posts per process: {string.Join(", ", scrapes.Select(UsagePosts))}; {smtp.Received().Count} e-mails, {hooks.Requests.Count} webhook requests");
    }

    /// <summary>Each process's own count of the usage posts it served: the load balancer's spread, seen from behind it.</summary>
    private static double UsagePosts(Scrape scrape) => scrape.Sum("http_server_request_duration_seconds_count", ("http_route", "/ops/usage"));

    private static void AssertSpread(IReadOnlyList<Scrape> scrapes, int posts)
    {
        Assert.All(scrapes, s => Assert.True(UsagePosts(s) > 0, $"a process served no usage post: {string.Join(", ", scrapes.Select(UsagePosts))}"));
        Assert.Equal(posts, scrapes.Sum(UsagePosts));
    }

    /// <summary>Each distinct event accepted by one process and stored, rated and charged once; every repeat counted a duplicate.</summary>
    private static async Task AssertCountedOnceAsync(TestDatabase db, UsageFixture f, IReadOnlyList<Scrape> scrapes, ConcurrentDictionary<string, decimal> sent,
        int duplicatesSent)
    {
        Assert.Equal(sent.Count, scrapes.Sum(s => s.Sum("purser_usage_events_total", ("outcome", "accepted"))));
        Assert.Equal(duplicatesSent, scrapes.Sum(s => s.Sum("purser_usage_events_total", ("outcome", "duplicated"))));
        await using var context = db.Store.CreateContext();
        var stored = await context.UsageEvents.AsNoTracking().ToListAsync();
        Assert.Equal(sent.Count, stored.Count);
        Assert.All(stored, e => Assert.Equal(sent[e.EventId], e.Quantity));
        var days = await context.UsageDailyAggregates.AsNoTracking().ToListAsync();
        Assert.Equal(sent.Values.Sum(), days.Sum(d => d.Quantity));
        Assert.Equal(sent.Values.Sum() * Price, (await context.Charges.AsNoTracking().Where(c => c.SubscriptionId == f.SubscriptionId).ToListAsync()).Sum(c => c.Amount));
    }

    /// <summary>
    /// Each minute job has one finished run per minute it ran in, claimed by one of the three processes; and the billing runs
    /// the processes report adding up to the claimed runs shows that no process ran a minute it had not claimed.
    /// </summary>
    private static void AssertOneRunPerMinute(List<JobRun> runs, IReadOnlyList<Scrape> scrapes, IReadOnlyList<(PurserProcess Process, string BaseAddress)> nodes,
        DateTime startedAt)
    {
        var owners = nodes.Select(n => $"{Environment.MachineName}:{n.Process.Id}:").ToList();
        var now = DateTime.UtcNow;
        foreach (var job in MinuteJobs)
        {
            var ofJob = runs.Where(r => r.JobName == job).ToList();
            Assert.True(ofJob.Count > 0, $"{job} never ran");
            Assert.Equal(ofJob.Count, ofJob.Select(r => r.RunKey).Distinct(StringComparer.Ordinal).Count());
            foreach (var run in ofJob)
            {
                var minute = DateTime.ParseExact(run.RunKey, "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
                Assert.InRange(minute, startedAt.AddTicks(-(startedAt.Ticks % TimeSpan.TicksPerMinute)), now);
                Assert.True(run.Status == JobRunStatus.Succeeded, $"{job} {run.RunKey}: {run.Status} {run.Error}");
                Assert.Contains(owners, o => run.ClaimedBy!.StartsWith(o, StringComparison.Ordinal));
            }
        }
        Assert.Equal(runs.Count(r => r.JobName == BillingScheduler.JobName), scrapes.Sum(s => s.Sum("purser_billing_runs_total")));
    }

    /// <summary>Every e-mail row at the SMTP server once by its Message-ID, every event at the receiver once by its event id.</summary>
    private static async Task AssertDeliveredOnceAsync(TestDatabase db, SmtpSink smtp, WebhookReceiver hooks)
    {
        await using var context = db.Store.CreateContext();
        var outbox = await context.Outbox.AsNoTracking().ToListAsync();
        var emails = outbox.Where(m => m.Channel == OutboxChannel.Email).ToList();
        var events = outbox.Where(m => m.Channel == OutboxChannel.Event).ToList();

        var received = smtp.Received();
        Assert.Equal(emails.Select(m => $"{m.MessageId:N}@purser").Order(StringComparer.Ordinal), received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        // The story wrote what it should: both alerts and the disabled and reactivated notices, to each administrator.
        var kinds = emails.GroupBy(m => m.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, kinds.GetValueOrDefault(CreditAlertMails.FiredKind));
        Assert.Equal(2, kinds.GetValueOrDefault(LifecycleMails.DisabledKind));
        Assert.Equal(2, kinds.GetValueOrDefault(LifecycleMails.ReactivatedKind));

        Assert.Equal(events.Select(e => e.MessageId.ToString()).Order(StringComparer.Ordinal), hooks.Requests.Select(r => r.EventId).Order(StringComparer.Ordinal));
        Assert.Contains(events, e => e.Kind == "SubscriptionDisabled");
        Assert.Contains(events, e => e.Kind == "SubscriptionActive");
        Assert.Contains(events, e => e.Kind == "PriceBackdated");
    }

    /// <summary>
    /// Every event fanned out and delivered, every e-mail sent, all usage rated, and the SMTP server and receiver holding at least
    /// as many as were sent (they are checked for exactly one each afterwards).
    /// </summary>
    private static async Task<bool> SettledAsync(TestDatabase db, SmtpSink smtp, WebhookReceiver hooks)
    {
        await using var context = db.Store.CreateContext();
        var outbox = await context.Outbox.AsNoTracking().Select(m => new { m.Channel, m.SentAt }).ToListAsync();
        var deliveries = await context.WebhookDeliveries.AsNoTracking().Select(d => d.DeliveredAt).ToListAsync();
        var unrated = await context.UsageDailyAggregates.AsNoTracking().CountAsync(d => d.RatedQuantity != d.Quantity);
        var emails = outbox.Count(m => m.Channel == OutboxChannel.Email);
        return unrated == 0 && outbox.All(m => m.SentAt != null) && deliveries.Count == outbox.Count(m => m.Channel == OutboxChannel.Event)
            && deliveries.All(d => d != null) && smtp.Received().Count >= emails && hooks.Requests.Count >= deliveries.Count;
    }

    /// <summary>
    /// Scrapes every process's /metrics directly (not through the proxy) at a moment when no minute job is running: the claimed
    /// runs read before and after are the same and all finished, so the billing-run counters include each of them and no other.
    /// Returns the scrapes and those runs.
    /// </summary>
    private static async Task<(List<Scrape> Scrapes, List<JobRun> Runs)> ScrapeQuietAsync(TestDatabase db, IReadOnlyList<(PurserProcess Process, string BaseAddress)> nodes)
    {
        using var http = new HttpClient();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var before = await RunsAsync(db);
            var scrapes = new List<Scrape>();
            foreach (var (_, address) in nodes)
                scrapes.Add(Scrape.Parse(await http.GetStringAsync(address + "/metrics")));
            var after = await RunsAsync(db);
            if (before.All(r => r.Status != JobRunStatus.Running) && before.Select(r => r.Id).SequenceEqual(after.Select(r => r.Id)))
                return (scrapes, before);
            Assert.True(waited.Elapsed < SettleTimeout, "the minute jobs never paused for a scrape");
            // A scrape is cached for 300 ms: the next one must be fresh.
            await Task.Delay(500);
        }
    }

    private static async Task<List<JobRun>> RunsAsync(TestDatabase db)
    {
        await using var context = db.Store.CreateContext();
        return await context.JobRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    private static async Task WaitForAsync(string what, Func<Task<bool>> done, IReadOnlyList<(PurserProcess Process, string BaseAddress)> nodes)
    {
        var waited = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(waited.Elapsed < SettleTimeout,
                $"not {what} after {waited.Elapsed}:\n{string.Join("\n----\n", nodes.Select(n => n.Process.Output))}");
            await Task.Delay(250);
        }
    }

    public void Dispose() => Directory.Delete(_workDir, recursive: true);
}
