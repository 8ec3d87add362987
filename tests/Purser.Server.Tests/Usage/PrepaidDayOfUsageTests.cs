using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purser.Core.Lifecycle;
using Purser.Core.Monetary;
using Purser.Engine;
using Purser.Engine.Rating;
using Purser.Server.Tests.Operator;
using Purser.Testing;
using Xunit.Abstractions;

namespace Purser.Server.Tests.Usage;

public class PrepaidDayOfUsageTests(ITestOutputHelper output)
{
    private const decimal Price = 0.92m;
    private static readonly DateTimeOffset DayStartsUtc = new(2019, 9, 1, 16, 0, 0, TimeSpan.Zero); // 2019-09-02 00:00 in Shanghai

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_day_of_usage_in_random_batches_with_duplicates_and_a_restart_is_rated_exactly_and_disables_at_the_exhausting_event(StorageEngine engine)
    {
        var seed = Environment.TickCount;
        output.WriteLine($"random seed {seed}");
        var random = new Random(seed);
        await using var api = await PurserApi.StartAsync(engine, DayStartsUtc.AddHours(-2));
        var f = await UsageFixture.CreateAsync(api, offerType: "StandardPrepaid");
        using var op = api.Operator();
        await PurserApi.CreatedAsync(op, $"/ops/meters/{f.MeterId}/prices", new { currency = "CNY", unitPrice = Price });
        var paid = await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000.00m });
        Assert.Equal(1000.00m, paid.GetProperty("credit").GetDecimal());

        var events = Enumerable.Range(0, 600).Select(i => (Id: $"vm-{i:D4}", Quantity: random.Next(50, 400) / 100m,
            At: DayStartsUtc.AddSeconds(i * 140 + random.Next(0, 140)))).ToList();
        var exhaustingIndex = Enumerable.Range(0, events.Count).First(i => Charged(events.Take(i + 1).Sum(e => e.Quantity)) >= 1000.00m);
        api.Clock.SetUtcNow(DayStartsUtc.AddDays(1).AddMinutes(5));

        var sent = 0;
        var restarted = false;
        object[]? previousBatch = null;
        while (sent < events.Count)
        {
            var size = random.Next(1, 60);
            var fresh = events.Skip(sent).Take(size).Select(e => f.Event(e.Id, e.Quantity, e.At, $"/rg/vm-{e.Id[^1]}")).ToList();
            var duplicates = events.Take(sent).Where(_ => random.NextDouble() < 0.1).Take(size / 10 + 1)
                .Select(e => f.Event(e.Id, e.Quantity, e.At, $"/rg/vm-{e.Id[^1]}"));
            var batch = fresh.Concat(duplicates).OrderBy(_ => random.Next()).ToArray();
            await Ingest(op, batch);
            if (previousBatch is not null && random.NextDouble() < 0.2)
                await Ingest(op, previousBatch);
            previousBatch = batch;
            sent += fresh.Count;

            if (!restarted && sent >= events.Count / 2)
            {
                await api.RestartAsync();
                restarted = true;
            }
            await api.Services.GetRequiredService<UsageRating>().RatePendingAsync(CancellationToken.None);

            var entitlement = await AccountsApiTests.ReadAsync(await op.GetAsync($"/ops/subscriptions/{f.SubscriptionId}/entitlement"), HttpStatusCode.OK);
            var exhausted = sent - 1 >= exhaustingIndex;
            Assert.True(entitlement.GetProperty("entitled").GetBoolean() == !exhausted,
                $"after {sent} events (credit runs out at event {exhaustingIndex}) entitled = {entitlement.GetProperty("entitled").GetBoolean()}");
        }

        await using (var db = api.Database.Store.CreateContext())
        {
            Assert.Equal(events.Count, await db.UsageEvents.CountAsync());
            var charges = await db.Charges.AsNoTracking().Where(c => c.SubscriptionId == f.SubscriptionId).ToListAsync();
            Assert.Equal(Charged(events.Sum(e => e.Quantity)), charges.Sum(c => c.Amount));
            var lot = await db.CreditLots.AsNoTracking().SingleAsync();
            Assert.Equal(0m, lot.CurrentBalance);
            Assert.Equal(SubscriptionState.Disabled, (await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == f.SubscriptionId)).State);
        }

        var topUp = await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000.00m });
        Assert.Equal("Active", topUp.GetProperty("subscriptionState").GetString());
        Assert.True(topUp.GetProperty("needsReconfiguration").GetBoolean());
        var after = await AccountsApiTests.ReadAsync(await op.GetAsync($"/ops/subscriptions/{f.SubscriptionId}/entitlement"), HttpStatusCode.OK);
        Assert.True(after.GetProperty("entitled").GetBoolean());
    }

    // The hand computation: one day line per (subscription, meter, day), rounded once as a charge (R-ROUND).
    private static decimal Charged(decimal quantity) => Rounding.Charge(quantity * Price, Currency.CNY);

    private static async Task Ingest(HttpClient op, object[] batch)
    {
        var result = await AccountsApiTests.ReadAsync(await op.PostAsJsonAsync("/ops/usage", new { source = "rp.compute", events = batch }), HttpStatusCode.OK);
        Assert.Equal(batch.Length, result.GetProperty("accepted").GetInt32() + result.GetProperty("duplicates").GetArrayLength());
    }
}
