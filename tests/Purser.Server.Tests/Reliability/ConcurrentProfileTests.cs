using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Engine;
using Purser.Engine.Credits;
using Purser.Engine.Rating;
using Purser.Testing;
using Xunit.Abstractions;

namespace Purser.Server.Tests.Reliability;

/// <summary>T-CONCURRENT: many clients on one billing profile at once; afterwards the ledger adds up to the cent.</summary>
public class ConcurrentProfileTests(ITestOutputHelper output)
{
    private const decimal Price = 0.92m;
    private const decimal OpeningCredit = 10_000_000m;
    private static readonly TimeSpan Soak = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Sixteen_clients_ingesting_topping_up_and_reading_leave_the_ledger_exact(StorageEngine engine)
    {
        var now = new DateTimeOffset(2019, 9, 10, 4, 0, 0, TimeSpan.Zero);
        await using var api = await PurserApi.StartAsync(engine, now);
        var f = await UsageFixture.CreateAsync(api, offerType: "StandardPrepaid");
        using var op = api.Operator();
        await PurserApi.CreatedAsync(op, $"/ops/meters/{f.MeterId}/prices", new { currency = "CNY", unitPrice = Price });
        // Ample opening credit: which writer goes next decides whether credit could run short mid-run, and a charge drawn
        // at a zero balance rightly stays overage after a later top-up, so the final check of credit used holds only if none is.
        await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = OpeningCredit });
        var reader = await ReaderTokenAsync(op, f);
        var (accountName, profileName) = await NamesAsync(api.Database.Store, f);

        var sentQuantities = new ConcurrentDictionary<string, decimal>(StringComparer.Ordinal);
        var paymentKeys = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();
        var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource(Soak);
        var clock = Stopwatch.StartNew();

        async Task Loop(string role, Func<HttpClient, Random, Task> step)
        {
            using var http = role == "reader" ? api.Client(reader) : api.Operator();
            var random = new Random(role.GetHashCode(StringComparison.Ordinal) ^ Environment.CurrentManagedThreadId);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await step(http, random);
                    counts.AddOrUpdate(role, 1, (_, n) => n + 1);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    failures.Add($"{role}: {ex.Message}");
                }
            }
        }

        async Task Ingest(HttpClient http, Random random)
        {
            var batch = Enumerable.Range(0, random.Next(1, 40)).Select(_ =>
            {
                // One id in five repeats an earlier id: duplicates across batches and clients.
                var known = sentQuantities.Keys.ToArray();
                var id = random.Next(5) == 0 && known.Length > 0 ? known[random.Next(known.Length)] : Guid.NewGuid().ToString("N");
                var quantity = sentQuantities.GetOrAdd(id, _ => random.Next(1, 500) / 100m);
                return f.Event(id, quantity, now.AddMinutes(-random.Next(0, 600)));
            }).ToArray();
            var response = await http.PostAsJsonAsync("/ops/usage", new { source = "soak", events = batch });
            Expect(response, HttpStatusCode.OK, "ingest");
        }

        async Task TopUp(HttpClient http, Random random)
        {
            // Now and then a client retries a payment it already made: it must not buy credit twice.
            var known = paymentKeys.ToArray();
            var key = random.Next(4) == 0 && known.Length > 0 ? known[random.Next(known.Length)] : Guid.NewGuid().ToString("N");
            paymentKeys.Add(key);
            var response = await PurserApi.PostAsync(http, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000m }, key);
            // 409 is the documented answer while another client's call with the same key is still running.
            if (response.StatusCode != HttpStatusCode.Conflict)
                Expect(response, HttpStatusCode.Created, "top-up");
        }

        async Task Read(HttpClient http, Random random)
        {
            var path = $"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(accountName)}/billingProfiles/{profileName}/providers/Microsoft.Consumption";
            var which = random.Next(3) switch
            {
                0 => $"{path}/credits/balanceSummary?api-version=2021-10-01",
                1 => $"{path}/lots?api-version=2021-10-01",
                _ => $"{path}/events?api-version=2021-10-01&startDate=2019-09-01&endDate=2019-09-30",
            };
            Expect(await http.GetAsync(which), HttpStatusCode.OK, "read");
        }

        void Expect(HttpResponseMessage response, HttpStatusCode status, string what)
        {
            if (response.StatusCode != status)
                failures.Add($"{what}: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().Result}");
        }

        var clients = Enumerable.Range(0, 10).Select(_ => Loop("ingest", Ingest))
            .Concat(Enumerable.Range(0, 3).Select(_ => Loop("top-up", TopUp)))
            .Concat(Enumerable.Range(0, 3).Select(_ => Loop("reader", Read)));
        await Task.WhenAll(clients);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0}s: {string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))}; {sentQuantities.Count} distinct events");
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20)));

        await api.Services.GetRequiredService<UsageRating>().RatePendingAsync(CancellationToken.None);
        await AssertLedgerExactAsync(api, f, sentQuantities, paymentKeys.Distinct().Count() + 1);
    }

    private static async Task AssertLedgerExactAsync(PurserApi api, UsageFixture f, ConcurrentDictionary<string, decimal> sent, int payments)
    {
        await using var db = api.Database.Store.CreateContext();
        var events = await db.UsageEvents.AsNoTracking().ToListAsync();
        Assert.Equal(sent.Count, events.Count);
        Assert.All(events, e => Assert.Equal(sent[e.EventId], e.Quantity));

        var days = await db.UsageDailyAggregates.AsNoTracking().ToListAsync();
        foreach (var day in days)
        {
            var counted = events.Where(e => DateOnly.FromDateTime(e.Timestamp.AddHours(8)) == day.UsageDate).Sum(e => e.Quantity);
            Assert.Equal(counted, day.Quantity);
            Assert.Equal(day.Quantity, day.RatedQuantity);
            Assert.Equal(Rounding.Charge(day.Quantity * Price, Currency.CNY), day.RatedAmount);
        }
        var charges = await db.Charges.AsNoTracking().ToListAsync();
        Assert.Equal(days.Sum(d => d.RatedAmount), charges.Sum(c => c.Amount));
        Assert.Equal(charges.Count, charges.Select(c => c.IdempotencyKey).Distinct(StringComparer.Ordinal).Count());

        var lots = await db.CreditLots.AsNoTracking().ToListAsync();
        Assert.Equal(payments, lots.Count);
        Assert.Equal(payments, await db.Payments.CountAsync());
        var journal = await db.CreditJournal.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        var granted = journal.Where(e => e.Kind == EntryKind.Grant).Sum(e => e.Amount);
        var used = -journal.Where(e => e.Kind == EntryKind.ChargeDraw && e.Settles == null).Sum(e => e.Amount);
        var expired = -journal.Where(e => e.Kind == EntryKind.Expiry && e.Settles == null).Sum(e => e.Amount);
        Assert.Equal(granted - used - expired, lots.Sum(l => l.CurrentBalance));
        Assert.All(lots, l => Assert.True(l.CurrentBalance >= 0m, $"lot {l.Id} below zero: {l.CurrentBalance}"));
        Assert.Empty(await new LedgerCheck(api.Database.Store).VerifyAsync(CancellationToken.None));
        Assert.True(granted - used > OpeningCredit / 2, $"credit ran short mid-run ({granted - used} left), so the check below would not hold");
        Assert.Equal(charges.Where(c => c.CreditEligible).Sum(c => c.Amount), used);
    }

    /// <summary>A token of a new user who reads the fixture's billing profile (BillingProfileReader).</summary>
    internal static async Task<string> ReaderTokenAsync(HttpClient op, UsageFixture f)
    {
        var user = await PurserApi.CreatedAsync(op, "/ops/users", new { billingAccountId = f.AccountId, email = $"reader-{Guid.NewGuid():N}@example.cn" });
        var userId = user.GetProperty("id").GetGuid();
        await PurserApi.CreatedAsync(op, "/ops/roleAssignments", new { userId, role = "BillingProfileReader", scopeId = f.ProfileId });
        return (await PurserApi.CreatedAsync(op, "/ops/tokens", new { userId })).GetProperty("token").GetString()!;
    }

    /// <summary>The ARM names of the fixture's billing account and profile, as their paths carry them.</summary>
    internal static async Task<(string Account, string Profile)> NamesAsync(PurserStore store, UsageFixture f)
    {
        await using var db = store.CreateContext();
        var account = await db.BillingAccounts.AsNoTracking().SingleAsync(a => a.Id == f.AccountId);
        var profile = await db.BillingProfiles.AsNoTracking().SingleAsync(p => p.Id == f.ProfileId);
        return (account.Name, profile.Name);
    }
}
