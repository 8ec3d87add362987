using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Bench;

/// <summary>
/// B-BAL: <c>credits/balanceSummary</c> at its highest rate against a constant JSON endpoint of the same bytes behind
/// the same token authentication on the same server (the SPEC baseline), and <c>/healthz</c> (no token) for scale;
/// then balanceSummary paced at half its own highest rate for the p99. Interleaved within each round; every loop is
/// bounded in requests and time and targets loopback only. Correctness: every answer 200 and the balance the journal gives.
/// </summary>
internal static class BalanceBenchmark
{
    private const string ConstantPath = "/bench/constant";

    public static async Task<bool> RunAsync(BenchOptions options)
    {
        var workers = 8;
        var maxRequests = options.Pick(1_000, 40_000);
        var limit = TimeSpan.FromSeconds(options.Pick(2, 8));
        byte[] constant = [];
        await using var database = await TestDatabase.CreateAsync(StorageEngine.Sqlite);
        await using var server = await BenchServer.StartAsync(database,
            app => app.MapGet(ConstantPath, () => Results.Bytes(constant, "application/json; charset=utf-8")));
        var profile = await LedgerWorld.SeedAsync(server, 5, "balance");
        using var http = server.Client();
        using var anonymous = server.Client(withToken: false);
        constant = await http.GetByteArrayAsync(profile.BalanceSummary);
        var ok = true;
        if (await LedgerWorld.CheckBalanceAsync(http, profile) is { } wrong)
        {
            Console.WriteLine($"  WRONG: {wrong}");
            ok = false;
        }

        var rounds = new List<(LoadResult Health, LoadResult Constant, LoadResult Balance, LoadResult Paced)>();
        for (var round = 0; round < options.Rounds; round++)
        {
            var health = await Load.ClosedAsync(anonymous, "/healthz", workers, maxRequests, limit);
            var fixedJson = await Load.ClosedAsync(http, ConstantPath, workers, maxRequests, limit);
            var balance = await Load.ClosedAsync(http, profile.BalanceSummary, workers, maxRequests, limit);
            var paced = await Load.PacedAsync(http, profile.BalanceSummary, balance.PerSecond / 2, maxRequests, limit);
            rounds.Add((health, fixedJson, balance, paced));
            Stats.Line($"  round {round + 1}: /healthz {health.PerSecond:0} req/s, constant {fixedJson.PerSecond:0} req/s, balanceSummary {balance.PerSecond:0} req/s (p50 {balance.P50:0.00} ms); at {balance.PerSecond / 2:0} req/s p99 {paced.P99:0.00} ms");
            foreach (var failed in new[] { health, fixedJson, balance, paced }.Where(r => r.Failures > 0))
            {
                Console.WriteLine($"  FAILED requests: {failed.Failures}, first: {failed.FirstFailure}");
                ok = false;
            }
        }

        var healthRate = Stats.Median(rounds.Select(r => r.Health.PerSecond));
        var constantRate = Stats.Median(rounds.Select(r => r.Constant.PerSecond));
        var balanceRate = Stats.Median(rounds.Select(r => r.Balance.PerSecond));
        var p99 = Stats.Median(rounds.Select(r => r.Paced.P99));
        Stats.Line($"B-BAL (SQLite, journal of {profile.Entries} entries, {workers} clients, {constant.Length}-byte body; medians of {options.Rounds} rounds)");
        Stats.Line($"  balanceSummary {balanceRate:0} req/s vs constant JSON behind the token {constantRate:0} req/s: {balanceRate / constantRate:0.00}× (target ≥ 0.3×); vs /healthz {healthRate:0} req/s: {balanceRate / healthRate:0.00}×");
        Stats.Line($"  p99 at half rate ({balanceRate / 2:0} req/s): {p99:0.00} ms (target ≤ 10 ms)");
        return ok;
    }
}
