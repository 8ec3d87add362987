using Purser.Engine;
using Purser.Engine.Credits;
using Purser.Testing;

namespace Purser.Bench;

/// <summary>
/// B-LEDGER: balance summary, lots and an events page of profiles whose journals hold 1,000 / 10,000 / 100,000 /
/// 1,000,000 entries, and a ledger write (a credit-eligible charge drawn from the profile's lots), from one client,
/// the sizes interleaved within each round. Nothing may replay history, so the largest journal's p50 must stay
/// within 2× the smallest's. Correctness: every balance is the seeded
/// journal's and <see cref="LedgerCheck"/> agrees with every kept figure.
/// </summary>
internal static class LedgerBenchmark
{
    public static async Task<bool> RunAsync(BenchOptions options)
    {
        int[] sizes = options.Pick<int[]>([1_000, 10_000], [1_000, 10_000, 100_000, 1_000_000]);
        var requests = options.Pick(50, 300);
        var limit = TimeSpan.FromSeconds(options.Pick(10, 30));
        await using var database = await TestDatabase.CreateAsync(StorageEngine.Sqlite);
        await using var server = await BenchServer.StartAsync(database);
        var profiles = new List<LedgerProfile>();
        foreach (var size in sizes)
        {
            var seeded = System.Diagnostics.Stopwatch.StartNew();
            profiles.Add(await LedgerWorld.SeedAsync(server, size, $"ledger-{size}"));
            Stats.Line($"  seeded a journal of {size:N0} entries in {seeded.Elapsed.TotalSeconds:0.0} s");
        }
        using var http = server.Client();
        var ok = true;
        foreach (var profile in profiles)
        {
            if (await LedgerWorld.CheckBalanceAsync(http, profile) is { } wrong)
            {
                Console.WriteLine($"  WRONG: {wrong}");
                ok = false;
            }
        }

        // JIT, connection pools and SQLite's page cache warm up before anything counts.
        foreach (var profile in profiles)
        {
            foreach (var path in new[] { profile.BalanceSummary, profile.Lots, profile.EventsPage })
                await Load.ClosedAsync(http, path, 1, 10, limit);
            await Load.ClosedAsync(() => LedgerWorld.ChargeAsync(http, profile), 1, 5, limit);
        }

        string[] calls = ["balanceSummary", "lots", "events page", "charge (write)"];
        var samples = profiles.ToDictionary(p => p.Entries, _ => calls.ToDictionary(r => r, _ => new List<LoadResult>()));
        for (var round = 0; round < options.Rounds; round++)
        {
            // Each round starts at another size, so a slow stretch of the shared machine does not land on one size only.
            foreach (var profile in profiles.Skip(round % profiles.Count).Concat(profiles.Take(round % profiles.Count)))
            {
                samples[profile.Entries]["balanceSummary"].Add(await Load.ClosedAsync(http, profile.BalanceSummary, 1, requests, limit));
                samples[profile.Entries]["lots"].Add(await Load.ClosedAsync(http, profile.Lots, 1, requests / 2, limit));
                samples[profile.Entries]["events page"].Add(await Load.ClosedAsync(http, profile.EventsPage, 1, requests / 2, limit));
                samples[profile.Entries]["charge (write)"].Add(await Load.ClosedAsync(() => LedgerWorld.ChargeAsync(http, profile), 1, requests / 4, limit));
            }
        }

        Console.WriteLine($"B-LEDGER (SQLite, one client, {options.Rounds} rounds of up to {requests} calls of each kind per size; medians of the rounds)");
        foreach (var call in calls)
        {
            var p50 = profiles.ToDictionary(p => p.Entries, p => Stats.Median(samples[p.Entries][call].Select(s => s.P50)));
            var p99 = profiles.ToDictionary(p => p.Entries, p => Stats.Median(samples[p.Entries][call].Select(s => s.P99)));
            var cells = string.Join(" | ", profiles.Select(p => Stats.F($"{p.Entries:N0}: p50 {p50[p.Entries]:0.00} ms, p99 {p99[p.Entries]:0.00} ms")));
            Stats.Line($"  {call,-15} {cells} | p50 ratio {sizes[^1]:N0}/{sizes[0]:N0} = {p50[sizes[^1]] / p50[sizes[0]]:0.00}× (target ≤ 2×)");
            foreach (var failed in samples.Values.SelectMany(s => s[call]).Where(s => s.Failures > 0).Take(1))
            {
                Console.WriteLine($"  FAILED requests ({call}): {failed.Failures}, first: {failed.FirstFailure}");
                ok = false;
            }
        }

        // Many readers of the largest journal at once: a read that loaded history would show here as memory, not only time.
        var largest = profiles[^1];
        var before = Environment.WorkingSet / 1024.0 / 1024.0;
        await using (var memory = new PeakMemory())
        {
            var summary = await Load.ClosedAsync(http, largest.BalanceSummary, 16, requests * 4, limit);
            var events = await Load.ClosedAsync(http, largest.EventsPage, 16, requests, limit);
            Stats.Line($"  16 readers of the {largest.Entries:N0}-entry profile: balanceSummary {summary.PerSecond:0} req/s, events page {events.PerSecond:0} req/s; process working set {before:0} MiB before, peak {memory.MiB:0} MiB");
            foreach (var failed in new[] { summary, events }.Where(r => r.Failures > 0))
            {
                Console.WriteLine($"  FAILED requests (16 readers): {failed.Failures}, first: {failed.FirstFailure}");
                ok = false;
            }
        }

        var problems = await new LedgerCheck(server.Store).VerifyAsync(default);
        Console.WriteLine(problems.Count == 0 ? "  ledger check: every kept figure agrees with the journal" : $"  LEDGER CHECK FAILED: {string.Join("; ", problems.Take(5))}");
        return ok && problems.Count == 0;
    }
}
