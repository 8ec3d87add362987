using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Bench;

/// <summary>
/// B-INGEST-LITE and B-INGEST-PG: 1,000-event batches through <c>POST /ops/usage</c> from 1 and from 4 clients (each on
/// its own billing profile, the server's rating worker running as in production), against the SPEC baseline writing the
/// same rows from as many connections (<see cref="IngestBaseline"/>), interleaved in each round. Correctness: every batch
/// accepted whole, a batch sent again is all duplicates, every event stored once, and the daily aggregates sum to what
/// was sent once rating has caught up.
/// </summary>
internal static class IngestBenchmark
{
    private const int BatchSize = 1_000;

    public static async Task<bool> RunAsync(BenchOptions options, StorageEngine engine)
    {
        var postgres = engine == StorageEngine.Postgres;
        var eventsPerRun = options.Pick(8_000, 100_000);
        int[] clientCounts = [1, 4];
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var server = await BenchServer.StartAsync(database);
        await IngestBaseline.CreateAsync(database.ConnectionString, postgres);
        using var http = server.Client();
        var world = await IngestWorld.CreateAsync(http, clientCounts.Max());
        var ok = true;
        var sentQuantity = 0m;
        var results = clientCounts.ToDictionary(c => c, _ => (Purser: new List<double>(), Baseline: new List<double>()));

        // Round −1 warms up (JIT, pools, the first pages of each table) and is not counted. A full run sends 20 batches a
        // client there, so the first counted round is not also the one that warms JIT tiering and the pools.
        for (var round = -1; round < options.Rounds; round++)
        {
            foreach (var clients in clientCounts)
            {
                var source = round < 0 ? $"bench-warm-c{clients}" : $"bench-r{round}-c{clients}";
                var batches = world.Batches(source, clients, round < 0 ? options.Pick(1, 20) : eventsPerRun / BatchSize / clients);
                sentQuantity += batches.SelectMany(b => b).SelectMany(b => b).Sum(r => r.Quantity);
                var bodies = batches.Select(client => client.Select(b => IngestWorld.Body(source, b)).ToArray()).ToArray();
                var events = batches.Sum(c => c.Sum(b => b.Length));

                async Task<double> Purser()
                {
                    var clock = Stopwatch.StartNew();
                    var failures = await Task.WhenAll(bodies.Select(client => Task.Run(async () =>
                    {
                        foreach (var body in client)
                        {
                            if (await PostAsync(http, body, expectAccepted: BatchSize) is { } failure)
                                return failure;
                        }
                        return null;
                    })));
                    var rate = events / clock.Elapsed.TotalSeconds;
                    foreach (var failure in failures.OfType<string>().Take(1))
                    {
                        Console.WriteLine($"  FAILED batch ({clients} clients): {failure}");
                        ok = false;
                    }
                    // Rating runs beside ingestion while Purser is timed, as in production; what it still has to do when the
                    // clock stops is left to finish untimed, so it never slows the baseline's turn.
                    await world.SettledTotalsAsync(server.Store, TimeSpan.FromSeconds(options.Pick(60, 180)));
                    return rate;
                }

                async Task<double> Baseline()
                {
                    var clock = Stopwatch.StartNew();
                    await Task.WhenAll(batches.Select(client => Task.Run(() => IngestBaseline.WriteAsync(database.ConnectionString, postgres, client))));
                    return events / clock.Elapsed.TotalSeconds;
                }

                // Alternate which side goes first, so neither always meets the other's leftovers (checkpoints, vacuum).
                double ours, theirs;
                if (round % 2 == 0)
                {
                    ours = await Purser();
                    theirs = await Baseline();
                }
                else
                {
                    theirs = await Baseline();
                    ours = await Purser();
                }
                if (round >= 0)
                {
                    results[clients].Purser.Add(ours);
                    results[clients].Baseline.Add(theirs);
                    Stats.Line($"  round {round + 1}, {clients} client(s): Purser {ours:0} events/s, baseline {theirs:0} rows/s");
                }
                var stored = await IngestBaseline.CountAsync(database.ConnectionString, postgres, source);
                if (stored != events)
                {
                    Stats.Line($"  WRONG: the baseline stored {stored} of {events} rows");
                    ok = false;
                }
                if (await PostAsync(http, bodies[0][0], expectAccepted: 0) is { } replay)
                {
                    Console.WriteLine($"  WRONG: a batch sent again: {replay}");
                    ok = false;
                }
                if (await IngestWorld.StoredEventsAsync(server.Store, source) is var kept && kept != events)
                {
                    Stats.Line($"  WRONG: Purser stored {kept} of {events} events");
                    ok = false;
                }
            }
        }

        var (rated, aggregated) = await world.SettledTotalsAsync(server.Store, TimeSpan.FromSeconds(options.Pick(60, 180)));
        if (!rated || aggregated != sentQuantity)
        {
            Stats.Line($"  WRONG: rating {(rated ? "caught up" : "did not catch up")}; the daily aggregates hold {aggregated}, {sentQuantity} was sent");
            ok = false;
        }
        var name = postgres ? "B-INGEST-PG (PostgreSQL, binary COPY baseline)" : "B-INGEST-LITE (SQLite, prepared INSERT loop baseline)";
        Stats.Line($"{name}: {eventsPerRun:N0} events a measurement in {BatchSize:N0}-event batches; medians of {options.Rounds} rounds");
        foreach (var clients in clientCounts)
        {
            var ours = Stats.Median(results[clients].Purser);
            var theirs = Stats.Median(results[clients].Baseline);
            Stats.Line($"  {clients} client(s): Purser {ours:0} events/s, baseline {theirs:0} rows/s: {ours / theirs:0.00}× (target ≥ 0.5×{(postgres ? ", goal 0.8×" : " and ≥ 100,000 events/s")})");
        }
        return ok;
    }

    private static async Task<string?> PostAsync(HttpClient http, byte[] body, int expectAccepted)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("/ops/usage", content);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            return $"{(int)response.StatusCode} {text}";
        var accepted = JsonDocument.Parse(text).RootElement.GetProperty("accepted").GetInt32();
        return accepted == expectAccepted ? null : $"accepted {accepted} of {BatchSize}, expected {expectAccepted}: {text[..Math.Min(text.Length, 300)]}";
    }
}
