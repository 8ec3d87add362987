using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Purser.Engine;
using Purser.Engine.Credits;
using Purser.Testing;

namespace Purser.Server.Tests.Reliability;

/// <summary>
/// T-IDEMPOTENT (SPEC §5): a mutating operator call replayed with its Idempotency-Key answers the first
/// reply and changes nothing; the key with another body is refused; usage is keyed by its event ids.
/// </summary>
public class IdempotencyTests(ServerPerEngine servers) : IClassFixture<ServerPerEngine>
{
    private const string Json = "application/json";

    public static TheoryData<StorageEngine, string> KeyedEndpoints
    {
        get
        {
            var data = new TheoryData<StorageEngine, string>();
            foreach (var row in OperatorEndpoints.OnEveryEngine())
                if (OperatorEndpoints.Named((string)row[1]).TakesIdempotencyKey)
                    data.Add((StorageEngine)row[0], (string)row[1]);
            return data;
        }
    }

    // A new token's secret is shown once: replays answer the same reply with the secret withheld.
    private static JsonNode? AsReplayed(string path, string firstBody)
    {
        var node = JsonNode.Parse(firstBody);
        if (path == "/ops/tokens" && node is JsonObject reply)
            reply["token"] = null;
        return node;
    }

    private static string? SecretOf(string path, string firstBody) =>
        path == "/ops/tokens" ? JsonNode.Parse(firstBody)?["token"]?.GetValue<string>() : null;

    [Theory]
    [MemberData(nameof(KeyedEndpoints))]
    public async Task Replays_and_racing_calls_with_one_key_take_effect_once_and_a_reused_key_with_another_body_is_refused(
        StorageEngine engine, string endpointName)
    {
        var endpoint = OperatorEndpoints.Named(endpointName);
        var (api, world) = await servers.GetAsync(engine);
        using var op = api.Operator();
        var path = endpoint.Path(world);
        var body = endpoint.Valid(world, servers.Next()).ToJsonString();
        var key = "idem-" + Guid.NewGuid();
        var failures = new List<string>();

        var before = await DbSnapshot.TakeAsync(api.Database.Store);
        var first = await OperatorRequests.SendAsync(op, endpoint.Method, path, body, Json, key);
        Assert.True(first.Status is 200 or 201, $"the valid body was refused: {first.Status} {first.Body}");
        Assert.Null(first.Replayed);
        Assert.True(WireWords.LeaksIn(first.Body) is null, $"{WireWords.LeaksIn(first.Body)}: {first.Body}");
        var afterFirst = await DbSnapshot.TakeAsync(api.Database.Store);
        var effect = afterFirst.ChangesSince(before);
        Assert.NotEqual("", effect);

        var replayedBody = AsReplayed(path, first.Body);
        if (SecretOf(path, first.Body) is { } secret && (await DbSnapshot.TakeAsync(api.Database.Store)).Mentions(secret))
            failures.Add("the new token's secret is stored in the database");
        for (var i = 1; i <= 3; i++)
        {
            var replay = await OperatorRequests.SendAsync(op, endpoint.Method, path, body, Json, key);
            if (replay.Status != first.Status)
                failures.Add($"replay {i}: status {replay.Status}, first was {first.Status}: {replay.Body}");
            if (!JsonNode.DeepEquals(JsonNode.Parse(replay.Body), replayedBody))
                failures.Add($"replay {i}: body {replay.Body}, first was {first.Body}");
            if (replay.Replayed != "true")
                failures.Add($"replay {i}: Idempotent-Replayed is '{replay.Replayed}'");
            if (replay.ContentType != Json)
                failures.Add($"replay {i}: content type {replay.ContentType}");
            var changes = (await DbSnapshot.TakeAsync(api.Database.Store)).ChangesSince(afterFirst);
            if (changes.Length > 0)
                failures.Add($"replay {i} wrote: {changes}");
        }

        var reused = await OperatorRequests.SendAsync(op, endpoint.Method, path, endpoint.Valid(world, servers.Next()).ToJsonString(), Json, key);
        var error = reused.ArmError();
        if (reused.Status != 422 || error?.GetProperty("code").GetString() != "IdempotencyKeyReused" || !OperatorReply.Names(error.Value, "Idempotency-Key"))
            failures.Add($"same key, other body: expected 422 IdempotencyKeyReused naming Idempotency-Key, got {reused.Status} {reused.Body}");
        var afterReuse = await DbSnapshot.TakeAsync(api.Database.Store);
        if (afterReuse.ChangesSince(afterFirst) is { Length: > 0 } reuseChanges)
            failures.Add($"same key, other body wrote: {reuseChanges}");

        // Four calls racing with one fresh key: one runs, the others replay it or hear 409 RequestInProgress, and the rows grow as for one call.
        // A path asked for again: one that names what a call uses up (a lot to void) names a fresh one.
        var racedPath = endpoint.Path(world);
        var raced = endpoint.Valid(world, servers.Next()).ToJsonString();
        var racedKey = "race-" + Guid.NewGuid();
        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OperatorRequests.SendAsync(op, endpoint.Method, racedPath, raced, Json, racedKey)));
        var afterRace = await DbSnapshot.TakeAsync(api.Database.Store);
        var ran = replies.Where(r => r.Status == first.Status && r.Replayed is null).ToList();
        var replayed = replies.Where(r => r.Status == first.Status && r.Replayed == "true").ToList();
        var busy = replies.Count(r => r.Status == 409 && r.ArmError()?.GetProperty("code").GetString() == "RequestInProgress");
        if (ran.Count != 1 || ran.Count + replayed.Count + busy != replies.Length)
            failures.Add("racing calls: expected one to run and the others to replay it or answer 409 RequestInProgress, got "
                + string.Join(" | ", replies.Select(r => $"{r.Status} replayed={r.Replayed} {r.Body}")));
        else if (replayed.Any(r => !JsonNode.DeepEquals(JsonNode.Parse(r.Body), AsReplayed(path, ran[0].Body))))
            failures.Add("racing calls: a replay differs from the call that ran");
        var oneEffect = RowDeltas(before, afterFirst);
        var raceEffect = RowDeltas(afterReuse, afterRace);
        if (!oneEffect.SequenceEqual(raceEffect))
            failures.Add($"racing calls changed row counts by {Show(raceEffect)}; one call changes them by {Show(oneEffect)}");

        failures.AddRange(await new LedgerCheck(api.Database.Store).VerifyAsync(CancellationToken.None));
        Assert.True(failures.Count == 0, $"{endpoint.Method} {path} (first effect: {effect}):\n" + string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Replayed_usage_is_reported_as_duplicates_and_changes_nothing(StorageEngine engine)
    {
        var (api, world) = await servers.GetAsync(engine);
        using var op = api.Operator();
        var ids = Enumerable.Range(0, 5).Select(i => $"usage-{i}").ToList();
        var batch = new JsonObject { ["source"] = "rp.reliability", ["events"] = new JsonArray([.. ids.Select(id => OperatorEndpoints.UsageEvent(world, id))]) }
            .ToJsonString();

        var first = await OperatorRequests.SendAsync(op, HttpMethod.Post, "/ops/usage", batch, Json, null);
        Assert.Equal(200, first.Status);
        Assert.Equal(5, Result(first).GetProperty("accepted").GetInt32());
        var afterFirst = await DbSnapshot.TakeAsync(api.Database.Store);
        Assert.Equal(5, afterFirst.Rows("UsageEvents"));
        var aggregates = await AggregateQuantityAsync(api);
        Assert.Equal(12.5m, aggregates);

        for (var i = 1; i <= 3; i++)
        {
            var replay = await OperatorRequests.SendAsync(op, HttpMethod.Post, "/ops/usage", batch, Json, null);
            Assert.Equal(200, replay.Status);
            var result = Result(replay);
            Assert.Equal(5, result.GetProperty("received").GetInt32());
            Assert.Equal(0, result.GetProperty("accepted").GetInt32());
            Assert.Equal(ids, result.GetProperty("duplicates").EnumerateArray().Select(d => d.GetString()));
            Assert.Equal(0, result.GetProperty("errors").GetArrayLength());
            Assert.Equal("", (await DbSnapshot.TakeAsync(api.Database.Store)).ChangesSince(afterFirst));
            Assert.Equal(aggregates, await AggregateQuantityAsync(api));
        }
    }

    private static JsonElement Result(OperatorReply reply) => JsonDocument.Parse(reply.Body).RootElement.Clone();

    private static async Task<decimal> AggregateQuantityAsync(PurserApi api)
    {
        await using var db = api.Database.Store.CreateContext();
        return (await db.UsageDailyAggregates.AsNoTracking().ToListAsync()).Sum(a => a.Quantity);
    }

    // The kept ledger figures gain rows only on a profile's first movement or day; LedgerCheck holds them to the journal instead.
    // A profile's default credit alert thresholds are written at its first movement too.
    private static readonly HashSet<string> KeptFigures = ["CreditSummaries", "CreditDayTotals", "CreditOpenEntries", "CreditAlertThresholds"];

    private static SortedDictionary<string, int> RowDeltas(DbSnapshot from, DbSnapshot to) =>
        new(to.TableNames.Where(t => !KeptFigures.Contains(t)).ToDictionary(t => t, t => to.Rows(t) - from.Rows(t)), StringComparer.Ordinal);

    private static string Show(SortedDictionary<string, int> deltas) =>
        string.Join(", ", deltas.Where(d => d.Value != 0).Select(d => $"{d.Key} {d.Value:+0;-0}"));
}
