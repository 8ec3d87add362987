using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Bench;

/// <summary>
/// What the ingestion benchmark sends to: one billing account, a priced meter, and per client a billing profile with a
/// pay-as-you-go subscription. Batches are generated deterministically and serialized before the clock starts.
/// </summary>
internal sealed class IngestWorld
{
    private readonly Guid _accountId;
    private readonly Guid _meterId;
    private readonly Guid[] _subscriptions;
    private readonly DateTime _since;
    private long _sent;

    private IngestWorld(Guid accountId, Guid meterId, Guid[] subscriptions, DateTime since)
    {
        _accountId = accountId;
        _meterId = meterId;
        _subscriptions = subscriptions;
        _since = since;
    }

    public static async Task<IngestWorld> CreateAsync(HttpClient http, int clients)
    {
        var account = await PurserApi.CreatedAsync(http, "/ops/billingAccounts", new
        {
            displayName = "Ingest", agreementType = "MicrosoftOnlineServicesProgram", accountType = "Individual", soldTo = new { addressLine1 = "1", country = "CN" },
        });
        var meter = await PurserApi.CreatedAsync(http, "/ops/meters", new { name = "ingest-vm", category = "Compute", unit = "1 Hour" });
        await PurserApi.CreatedAsync(http, $"/ops/meters/{meter.GetProperty("id")}/prices", new { currency = "CNY", unitPrice = 0.92m });
        var subscriptions = new Guid[clients];
        for (var c = 0; c < clients; c++)
        {
            var profile = await PurserApi.CreatedAsync(http, "/ops/billingProfiles", new { billingAccountId = account.GetProperty("id"), displayName = $"ingest-{c}", currency = "CNY", timeZone = "UTC" });
            var sub = await PurserApi.CreatedAsync(http, "/ops/subscriptions", new { billingProfileId = profile.GetProperty("id"), displayName = $"ingest-{c}", offerType = "PayAsYouGo" });
            subscriptions[c] = sub.GetProperty("id").GetGuid();
        }
        // A day back: a run's events, a millisecond apart, stay in the past however many are sent.
        return new IngestWorld(account.GetProperty("id").GetGuid(), meter.GetProperty("id").GetGuid(), subscriptions, DateTime.UtcNow.AddDays(-1));
    }

    /// <summary>
    /// Per client, <paramref name="perClient"/> batches of 1,000 new events on that client's subscription. Each client's
    /// events are a millisecond apart and later than every event sent before, as a provider's stream reads: events that
    /// all shared the same thousand instants made each batch insert all over the (account, subscription, timestamp)
    /// index, which real traffic never does.
    /// </summary>
    public UsageRow[][][] Batches(string source, int clients, int perClient)
    {
        var first = _sent;
        _sent += perClient * 1_000L;
        return [.. Enumerable.Range(0, clients).Select(c => Enumerable.Range(0, perClient).Select(b => Enumerable.Range(0, 1_000).Select(i => new UsageRow(
            _accountId, source, $"c{c}-b{b}-e{i}", _subscriptions[c], _meterId, (i % 97 + 1) / 4m, _since.AddMilliseconds(first + b * 1_000L + i))).ToArray()).ToArray())];
    }

    public static byte[] Body(string source, UsageRow[] rows) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        source,
        events = rows.Select(r => new { eventId = r.EventId, subscriptionId = r.SubscriptionId, meterId = r.MeterId, quantity = r.Quantity, timestamp = r.Timestamp }),
    });

    public static async Task<long> StoredEventsAsync(PurserStore store, string source)
    {
        await using var db = store.CreateContext();
        return await db.UsageEvents.LongCountAsync(e => e.Source == source);
    }

    /// <summary>Waits (bounded) until rating has priced every aggregate of these subscriptions, then sums their quantities.</summary>
    public async Task<(bool Rated, decimal Quantity)> SettledTotalsAsync(PurserStore store, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var db = store.CreateContext();
            var rows = await db.UsageDailyAggregates.AsNoTracking().Where(a => _subscriptions.Contains(a.SubscriptionId))
                .Select(a => new { a.Quantity, a.RatedQuantity }).ToListAsync();
            var rated = rows.All(r => r.Quantity == r.RatedQuantity);
            if (rated || clock.Elapsed > limit)
                return (rated, rows.Sum(r => r.Quantity));
            await Task.Delay(500);
        }
    }
}
