using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Purser.Server.Tests.Operator;
using Purser.Testing;
using Xunit.Abstractions;

namespace Purser.Server.Tests.Reliability;

/// <summary>
/// T-FAILOVER: Purser on a primary and its synchronous streaming standby, through a multi-host connection string. Clients ingest
/// usage, top up and run May's close when the primary is SIGKILLed mid-run and the standby promoted; each client sends its call
/// again, with the same idempotency key or event ids, while it is answered 503 (with Retry-After) or "in progress". Afterwards
/// every event is stored and rated once, every top-up credited once, every profile invoiced once, and the ledger agrees with its
/// journal to the cent.
/// </summary>
public sealed class FailoverTests(ITestOutputHelper output)
{
    private const int Profiles = 12;
    private const int Clients = 4;
    private const int BatchesPerClient = 24;
    private const int EventsPerBatch = 20;
    private const int TopUpsPerProfile = 2;
    private const decimal Quantity = 0.5m;
    private const decimal Price = 1.00m;
    private const decimal FirstPayment = 1000m;
    private const decimal TopUp = 1000m;
    private const string Month = "2025-05";

    private static readonly DateTimeOffset Opened = new(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);
    // 2 June, noon in Shanghai: May is over on every profile's calendar, and the day's usage so far can be reported.
    private static readonly DateTimeOffset Closing = new(2025, 6, 2, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset JuneDay = new(2025, 6, 1, 16, 0, 0, TimeSpan.Zero);

    // A call is sent again until it lands, for at most this long; the failover itself takes seconds.
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan PrimaryDownFor = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<string, int> _answers = new(StringComparer.Ordinal);

    [Fact]
    public async Task The_primary_killed_mid_run_and_the_standby_promoted_lose_nothing_and_do_nothing_twice()
    {
        await using var pair = await PostgresStandbyPair.StartAsync();
        await using var db = await pair.CreateDatabaseAsync("purser");
        await using var api = await PurserApi.StartOnAsync(db, Opened);
        using var op = api.Operator();

        var fixtures = new List<UsageFixture>();
        for (var p = 0; p < Profiles; p++)
        {
            var f = await UsageFixture.CreateAsync(op, offerType: "StandardPrepaid");
            await PurserApi.CreatedAsync(op, $"/ops/meters/{f.MeterId}/prices", new { currency = "CNY", unitPrice = Price });
            await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = FirstPayment });
            fixtures.Add(f);
        }
        var quantities = fixtures.ToDictionary(f => f.SubscriptionId, _ => 0m);

        // May's usage, rated before May closes.
        api.AdvanceClockTo(Opened.AddDays(19));
        var may = fixtures.SelectMany(f => Enumerable.Range(0, 10).Select(i => (f, Id: $"may-{f.SubscriptionId:N}-{i}", At: Opened.AddDays(9).AddMinutes(i)))).ToList();
        await AccountsApiTests.ReadAsync(await op.PostAsJsonAsync("/ops/usage", new { source = "failover", events = may.Select(e => e.f.Event(e.Id, Quantity, e.At)).ToArray() }),
            HttpStatusCode.OK);
        foreach (var (f, _, _) in may)
            quantities[f.SubscriptionId] += Quantity;
        await WaitForRatedAsync(db, quantities, ticking: null);
        api.AdvanceClockTo(Closing);

        // From here the clock runs as real time does, so waits on it (a release's retries, the rating worker's fallback) pass.
        using var stop = new CancellationTokenSource();
        var ticker = TickAsync(api, stop.Token);

        var random = new Random(20250602);
        var batches = Enumerable.Range(0, Clients).Select(c => Enumerable.Range(0, BatchesPerClient).Select(b => Enumerable.Range(0, EventsPerBatch).Select(i =>
        {
            var f = fixtures[random.Next(Profiles)];
            return (f.SubscriptionId, Id: $"jun-c{c}-b{b}-e{i}", Body: f.Event($"jun-c{c}-b{b}-e{i}", Quantity, JuneDay.AddSeconds((b * EventsPerBatch) + i)));
        }).ToList()).ToList()).ToList();
        foreach (var e in batches.SelectMany(c => c).SelectMany(b => b))
            quantities[e.SubscriptionId] += Quantity;
        var batchesDone = 0;
        var runStarted = new TaskCompletionSource();

        async Task IngestAsync(int client)
        {
            using var http = api.Operator();
            foreach (var batch in batches[client])
            {
                var result = await SendUntilLandedAsync(() => http.PostAsJsonAsync("/ops/usage", new { source = "failover", events = batch.Select(e => e.Body).ToArray() }));
                var read = await AccountsApiTests.ReadAsync(result, HttpStatusCode.OK);
                // A batch whose commit was cut off is stored in full or not at all: sent again, all of it is new or all a repeat.
                Assert.Equal(batch.Count, read.GetProperty("accepted").GetInt32() + read.GetProperty("duplicates").GetArrayLength());
                if (Interlocked.Increment(ref batchesDone) == Clients * BatchesPerClient / 4)
                    runStarted.TrySetResult();
            }
        }

        async Task TopUpsAsync()
        {
            using var http = api.Operator();
            foreach (var f in Enumerable.Range(0, TopUpsPerProfile).SelectMany(_ => fixtures))
            {
                var key = Guid.NewGuid().ToString();
                var result = await SendUntilLandedAsync(() => PurserApi.PostAsync(http, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = TopUp }, key));
                await AccountsApiTests.ReadAsync(result, HttpStatusCode.Created);
            }
        }

        // The operator's month close: the same call again while it is refused; a summary that names profiles it could not close
        // (none should, an outage ends the run) is followed by a new run, as an operator would.
        async Task CloseMayAsync()
        {
            await runStarted.Task;
            using var http = api.Operator();
            for (var run = 0; run < 3; run++)
            {
                var key = Guid.NewGuid().ToString();
                var summary = await AccountsApiTests.ReadAsync(
                    await SendUntilLandedAsync(() => PurserApi.PostAsync(http, "/ops/billingRuns", new { period = Month }, key)), HttpStatusCode.OK);
                if (summary.GetProperty("failed").GetArrayLength() == 0)
                    return;
                output.WriteLine($"run {run + 1} could not close: {summary.GetProperty("failed")}");
            }
            Assert.Fail("three billing runs left profiles unclosed");
        }

        async Task FailOverAsync()
        {
            await runStarted.Task;
            await using var context = db.Store.CreateContext();
            var waited = Stopwatch.StartNew();
            // Killed once the run has closed its first profile: the rest of the run, and the clients' calls, are under way.
            while (!await context.Invoices.AnyAsync() && waited.Elapsed < CallDeadline)
                await Task.Delay(5);
            pair.KillPrimary();
            output.WriteLine($"primary killed {waited.ElapsedMilliseconds} ms after the run began, {Volatile.Read(ref batchesDone)} batches in");
            await Task.Delay(PrimaryDownFor);
            pair.PromoteStandby();
            output.WriteLine("standby promoted");
        }

        var work = Enumerable.Range(0, Clients).Select(IngestAsync).Append(TopUpsAsync()).Append(CloseMayAsync()).Append(FailOverAsync()).ToList();
        await Task.WhenAll(work);

        // The rating worker carries on by itself on the new primary.
        await WaitForRatedAsync(db, quantities, ticking: ticker);
        await stop.CancelAsync();
        await ticker;

        output.WriteLine("answers while failing over: " + string.Join(", ", _answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} {a.Value}")));
        Assert.True(_answers.ContainsKey("503"), "no call was refused while the primary was down: the kill came after the work");
        await AssertExactAsync(db, fixtures, quantities, may.Count + batches.Sum(c => c.Sum(b => b.Count)));
    }

    /// <summary>Sends a call until it is answered with something other than "unavailable" or "in progress": what a client honouring Retry-After does.</summary>
    private async Task<HttpResponseMessage> SendUntilLandedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            var retry = response.StatusCode switch
            {
                HttpStatusCode.ServiceUnavailable => "503",
                HttpStatusCode.Conflict when body.Contains("\"RequestInProgress\"", StringComparison.Ordinal) => "409 in progress",
                _ => null,
            };
            if (retry is null)
            {
                if (response.Headers.Contains("Idempotent-Replayed"))
                    _answers.AddOrUpdate("replayed", 1, (_, n) => n + 1);
                return response;
            }
            _answers.AddOrUpdate(retry, 1, (_, n) => n + 1);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Equal("ServiceUnavailable", JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("code").GetString());
                Assert.True(response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero, "a 503 without Retry-After");
            }
            response.Dispose();
            Assert.True(waited.Elapsed < CallDeadline, $"a call still refused after {CallDeadline.TotalSeconds} s: {body}");
            await Task.Delay(RetryPause);
        }
    }

    private static async Task TickAsync(PurserApi api, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            api.Clock.Advance(Tick);
            try
            {
                await Task.Delay(Tick, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Until every subscription's usage is charged in full (bounded); without a ticking clock the rating worker is woken by the batch alone.</summary>
    private static async Task WaitForRatedAsync(TestDatabase db, Dictionary<Guid, decimal> quantities, Task? ticking)
    {
        var expected = quantities.Values.Sum() * Price;
        var waited = Stopwatch.StartNew();
        decimal charged;
        while ((charged = await ChargedAsync(db)) != expected && waited.Elapsed < SettleTimeout && ticking is not { IsCompleted: true })
            await Task.Delay(50);
        Assert.Equal(expected, charged);
    }

    private static async Task<decimal> ChargedAsync(TestDatabase db)
    {
        await using var context = db.Store.CreateContext();
        return (await context.Charges.AsNoTracking().Select(c => c.Amount).ToListAsync()).Sum();
    }

    private static async Task AssertExactAsync(TestDatabase db, List<UsageFixture> fixtures, Dictionary<Guid, decimal> quantities, int events)
    {
        await using var context = db.Store.CreateContext();
        Assert.Equal(events, await context.UsageEvents.CountAsync());
        var charges = await context.Charges.AsNoTracking().ToListAsync();
        var lots = await context.CreditLots.AsNoTracking().ToListAsync();
        foreach (var f in fixtures)
        {
            var charged = charges.Where(c => c.SubscriptionId == f.SubscriptionId).Sum(c => c.Amount);
            Assert.Equal(quantities[f.SubscriptionId] * Price, charged);
            var profileLots = lots.Where(l => l.BillingProfileId == f.ProfileId).ToList();
            Assert.Equal(1 + TopUpsPerProfile, profileLots.Count);
            Assert.Equal(FirstPayment + (TopUpsPerProfile * TopUp), profileLots.Sum(l => l.OriginalAmount));
            Assert.Equal(FirstPayment + (TopUpsPerProfile * TopUp) - charged, profileLots.Sum(l => l.CurrentBalance));
        }
        var invoices = await context.Invoices.AsNoTracking().ToListAsync();
        Assert.Equal(fixtures.Select(f => f.ProfileId).Order(), invoices.Select(i => i.BillingProfileId).Order());
        var violations = await BillingInvariants.ViolationsAsync(db.Store);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
