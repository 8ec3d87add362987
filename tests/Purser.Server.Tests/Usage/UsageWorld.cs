using System.Net;
using System.Net.Http.Json;
using Purser.Engine.Storage.Entities;
using Purser.Server.Tests.Operator;
using Purser.Testing;
using static Purser.Server.Tests.Arm.ConsumptionCallers;

namespace Purser.Server.Tests.Usage;

/// <summary>An event as sent to POST /ops/usage, with the local day and unit price the test expects for it.</summary>
internal sealed record SentUsage(string EventId, Guid SubscriptionId, Guid MeterId, decimal Quantity, DateTimeOffset Timestamp, DateOnly Day,
    decimal? UnitPrice, string? ResourceId, Dictionary<string, string>? Tags)
{
    public decimal? Cost => UnitPrice * Quantity;
}

/// <summary>
/// One account with two billing profiles in CNY — "生产" on Shanghai time (UTC+8) with two
/// subscriptions, "测试" on UTC with one — and usage ingested through POST /ops/usage across
/// late August and September 2019, read on 2019-09-20 12:00 Shanghai time. The compute meter
/// costs 0.92 CNY until a decrease to 0.80 takes effect at 2019-09-11 00:00 Shanghai
/// (R-PRICE-DOWN, so from usage day 9/11 on in both zones); the support meter has no price.
/// </summary>
internal sealed record UsageWorld(PurserApi Api, UsageFixture Fixture, Guid SecondSubscriptionId, Guid OtherProfileId, Guid OtherSubscriptionId,
    string AccountName, string ProfileName, string OtherProfileName, Guid UnpricedMeterId, IReadOnlyList<SentUsage> Sent)
{
    public static readonly DateTimeOffset Created = new(2019, 8, 20, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Now = new(2019, 9, 20, 4, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Decrease = new(2019, 9, 10, 16, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public Guid SubscriptionId => Fixture.SubscriptionId;
    public Guid ProfileId => Fixture.ProfileId;
    public Guid AccountId => Fixture.AccountId;

    /// <summary>Builds the world on a server started at <see cref="Created"/>, leaving its clock at <see cref="Now"/>.</summary>
    public static async Task<UsageWorld> CreateAsync(PurserApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (api.Clock.GetUtcNow() != Created)
            throw new ArgumentException($"Start the server at {Created:O}: the clock only moves forward.", nameof(api));
        var f = await UsageFixture.CreateAsync(api);
        using var op = api.Operator();
        var second = await SubscriptionAsync(api, f.ProfileId);
        var other = await CreatedAsync(op, "/ops/billingProfiles", new { billingAccountId = f.AccountId, displayName = "测试", currency = "CNY", timeZone = "UTC" });
        var otherProfileId = other.GetProperty("id").GetGuid();
        var otherSubscription = await SubscriptionAsync(api, otherProfileId);
        var support = await CreatedAsync(op, "/ops/meters", new { name = "支持计划", category = "Support", unit = "1 Month", creditEligible = false });
        await PriceAsync(api, f.MeterId);
        api.Clock.SetUtcNow(Now);

        var unpriced = support.GetProperty("id").GetGuid();
        var sent = new List<SentUsage>();
        // 30 events on the first subscription, every 14 hours from 8/31 15:00 UTC (8/31 23:00 in Shanghai) on.
        for (var i = 0; i < 30; i++)
        {
            var at = new DateTimeOffset(2019, 8, 31, 15, 0, 0, TimeSpan.Zero).AddHours(14 * i);
            sent.Add(Compute(f.MeterId, $"vm-{i:D2}", f.SubscriptionId, 0.25m + i * 1.125m, at, Shanghai,
                i % 3 == 0 ? $"/subscriptions/{f.SubscriptionId}/resourceGroups/rg-生产/providers/Microsoft.Compute/virtualMachines/vm{i}" : null,
                i % 4 == 0 ? new() { ["部门"] = "研发, 二组", ["env"] = "prod \"blue\"" } : null));
        }
        // 8/31 17:00 UTC is already 9/1 in Shanghai.
        sent.Add(Compute(f.MeterId, "edge", f.SubscriptionId, 7.5m, new DateTimeOffset(2019, 8, 31, 17, 0, 0, TimeSpan.Zero), Shanghai));
        // Two events at one instant: arrival order breaks the tie.
        var tie = new DateTimeOffset(2019, 9, 12, 1, 0, 0, TimeSpan.Zero);
        sent.Add(Compute(f.MeterId, "tie-b", f.SubscriptionId, 2m, tie, Shanghai));
        sent.Add(Compute(f.MeterId, "tie-a", f.SubscriptionId, 3m, tie, Shanghai));
        sent.Add(new SentUsage("support-1", f.SubscriptionId, unpriced, 1m, new(2019, 9, 15, 2, 0, 0, TimeSpan.Zero), new(2019, 9, 15), null, null, null));
        for (var i = 0; i < 5; i++)
            sent.Add(Compute(f.MeterId, $"second-{i}", second, 10m + i, new DateTimeOffset(2019, 9, 2 + 3 * i, 6, 0, 0, TimeSpan.Zero), Shanghai));
        // 8/31 23:30 UTC is still August on the UTC profile. No two events of one batch share an
        // instant (the half hour keeps these apart from the others): only the tie above does, across batches.
        for (var i = 0; i < 5; i++)
            sent.Add(Compute(f.MeterId, $"other-{i}", otherSubscription, 100m + i, new DateTimeOffset(2019, 8, 31, 23, 30, 0, TimeSpan.Zero).AddDays(4 * i), TimeSpan.Zero));

        // The tie's second event arrives in a later batch, so its arrival order is certain; within
        // a batch, storage (PostgreSQL's COPY staging) does not promise to keep the batch's order.
        if (sent.Where(e => e.EventId != "tie-a").GroupBy(e => e.Timestamp).FirstOrDefault(g => g.Count() > 1) is { } same)
            throw new InvalidOperationException($"Events {string.Join(", ", same.Select(e => e.EventId))} of one batch share an instant.");
        await IngestAsync(op, sent.Where(e => e.EventId != "tie-a"));
        await IngestAsync(op, sent.Where(e => e.EventId == "tie-a"));
        await using var db = api.Database.Store.CreateContext();
        var accountName = db.BillingAccounts.Single(a => a.Id == f.AccountId).Name;
        string ProfileName(Guid id) => db.BillingProfiles.Single(p => p.Id == id).Name;
        return new UsageWorld(api, f, second, otherProfileId, otherSubscription, accountName, ProfileName(f.ProfileId), ProfileName(otherProfileId), unpriced, sent);
    }

    /// <summary>The events whose local usage day is within the days given, in timestamp order with ties in arrival order.</summary>
    public IReadOnlyList<SentUsage> Expected(Func<SentUsage, bool> inScope, DateOnly from, DateOnly to) =>
        [.. Sent.Select((e, i) => (e, i)).Where(x => inScope(x.e) && x.e.Day >= from && x.e.Day <= to)
            .OrderBy(x => x.e.Timestamp).ThenBy(x => x.i).Select(x => x.e)];

    public bool OnFirstProfile(SentUsage e) => e.SubscriptionId == SubscriptionId || e.SubscriptionId == SecondSubscriptionId;

    private static async Task IngestAsync(HttpClient op, IEnumerable<SentUsage> batch)
    {
        var events = batch.Select(e => new { eventId = e.EventId, subscriptionId = e.SubscriptionId, meterId = e.MeterId, quantity = e.Quantity, timestamp = e.Timestamp, resourceId = e.ResourceId, tags = e.Tags }).ToList();
        var result = await AccountsApiTests.ReadAsync(await op.PostAsJsonAsync("/ops/usage", new { source = "rp.compute", events }), HttpStatusCode.OK);
        if (result.GetProperty("accepted").GetInt32() != events.Count)
            throw new InvalidOperationException($"Usage was not all accepted: {result}");
    }

    private static SentUsage Compute(Guid meterId, string id, Guid subscription, decimal quantity, DateTimeOffset at, TimeSpan zone,
        string? resourceId = null, Dictionary<string, string>? tags = null)
    {
        var day = DateOnly.FromDateTime(at.ToOffset(zone).DateTime);
        var price = day >= new DateOnly(2019, 9, 11) ? 0.80m : 0.92m;
        return new SentUsage(id, subscription, meterId, quantity, at, day, price, resourceId, tags);
    }

    private static async Task PriceAsync(PurserApi api, Guid meterId)
    {
        await using var db = api.Database.Store.CreateContext();
        db.PriceVersions.AddRange(
            new PriceVersion { MeterId = meterId, Currency = "CNY", UnitPrice = 0.92m, EffectiveFrom = Utc(Created.AddMonths(-1)), AnnouncedAt = Utc(Created.AddMonths(-2)) },
            new PriceVersion { MeterId = meterId, Currency = "CNY", UnitPrice = 0.80m, EffectiveFrom = Utc(Decrease), AnnouncedAt = Utc(Created) });
        await db.SaveChangesAsync();
    }

    private static DateTime Utc(DateTimeOffset at) => at.UtcDateTime;
}
