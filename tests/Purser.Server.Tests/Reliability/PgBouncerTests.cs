using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purser.Engine;
using Purser.Engine.Rating;
using Purser.Server.Tests.Operator;
using Purser.Testing;

namespace Purser.Server.Tests.Reliability;

/// <summary>
/// Purser behind PgBouncer in transaction pooling mode (docs/scaling.md): every transaction may land on any of three server
/// connections another client just used, so nothing may lean on session state. Four clients ingest while top-ups are sent
/// (each twice under one idempotency key), rating runs its profiles in parallel, and May closes; then the totals are exact,
/// each top-up is credited once, and the ledger agrees with its journal.
/// </summary>
public sealed class PgBouncerTests
{
    private const int Profiles = 8;
    private const int Clients = 4;
    private const int BatchesPerClient = 10;
    private const int EventsPerBatch = 20;
    private const decimal Quantity = 0.5m;
    private const decimal Payment = 1000m;

    private static readonly DateTimeOffset Opened = new(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MidMay = new(2025, 5, 20, 0, 0, 0, TimeSpan.Zero);
    // 2 June in Shanghai: May is over on every profile's calendar.
    private static readonly DateTimeOffset Closing = new(2025, 6, 2, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Through_pgbouncer_in_transaction_mode_ingestion_top_ups_rating_and_a_close_are_exact()
    {
        await using var direct = await TestDatabase.CreateAsync(StorageEngine.Postgres);
        await using var bouncer = await PgBouncer.StartAsync(poolSize: 3, TimeSpan.FromSeconds(20));
        await using var pooled = await bouncer.OverAsync(direct);
        await using var api = await PurserApi.StartOnAsync(pooled, Opened);
        using var op = api.Operator();

        var fixtures = new List<UsageFixture>();
        for (var p = 0; p < Profiles; p++)
        {
            var f = await UsageFixture.CreateAsync(op, offerType: "StandardPrepaid");
            await PurserApi.CreatedAsync(op, $"/ops/meters/{f.MeterId}/prices", new { currency = "CNY", unitPrice = 1.00m });
            await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = Payment });
            fixtures.Add(f);
        }
        api.AdvanceClockTo(MidMay);

        var random = new Random(20250520);
        var batches = Enumerable.Range(0, Clients).Select(c => Enumerable.Range(0, BatchesPerClient).Select(b => Enumerable.Range(0, EventsPerBatch)
            .Select(i => fixtures[random.Next(Profiles)].Event($"c{c}-b{b}-e{i}", Quantity, Opened.AddDays(9).AddSeconds((b * EventsPerBatch) + i)))
            .ToArray()).ToList()).ToList();

        async Task IngestAsync(int client)
        {
            using var http = api.Operator();
            foreach (var batch in batches[client])
            {
                var read = await AccountsApiTests.ReadAsync(await http.PostAsJsonAsync("/ops/usage", new { source = "pooled", events = batch }), HttpStatusCode.OK);
                Assert.Equal(batch.Length, read.GetProperty("accepted").GetInt32());
            }
        }

        async Task TopUpsAsync()
        {
            using var http = api.Operator();
            foreach (var f in fixtures)
            {
                var key = Guid.NewGuid().ToString();
                using var first = await PurserApi.PostAsync(http, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = Payment }, key);
                using var replay = await PurserApi.PostAsync(http, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = Payment }, key);
                Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, replay.StatusCode));
            }
        }

        var rating = api.Services.GetRequiredService<UsageRating>();
        await Task.WhenAll([.. Enumerable.Range(0, Clients).Select(IngestAsync), TopUpsAsync(), rating.RatePendingAsync(CancellationToken.None)]);
        var rated = await rating.RatePendingAsync(CancellationToken.None);
        Assert.Empty(rated.Failed);

        api.AdvanceClockTo(Closing);
        var summary = await AccountsApiTests.ReadAsync(await PurserApi.PostAsync(op, "/ops/billingRuns", new { period = "2025-05" }), HttpStatusCode.OK);
        Assert.Equal(0, summary.GetProperty("failed").GetArrayLength());

        var events = Clients * BatchesPerClient * EventsPerBatch;
        await using var db = direct.Store.CreateContext();
        Assert.Equal(events, await db.UsageEvents.CountAsync());
        var charged = (await db.Charges.AsNoTracking().Select(c => c.Amount).ToListAsync()).Sum();
        Assert.Equal(events * Quantity, charged);
        var lots = await db.CreditLots.AsNoTracking().ToListAsync();
        Assert.Equal(2 * Profiles, lots.Count);
        Assert.Equal((2 * Profiles * Payment) - charged, lots.Sum(l => l.CurrentBalance));
        Assert.Equal(fixtures.Select(f => f.ProfileId).Order(), (await db.Invoices.AsNoTracking().Select(i => i.BillingProfileId).ToListAsync()).Order());
        var violations = await BillingInvariants.ViolationsAsync(direct.Store);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
