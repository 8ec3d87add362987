using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Purser.Engine.Billing;
using Purser.Engine.Credits;
using Purser.Engine.Rating;
using Purser.Server.Hosting;

namespace Purser.Bench;

/// <summary>
/// B-RUN on PostgreSQL: a month's close (the rating pass, then the billing run of every profile) of <see cref="RunWorld"/>
/// at two sizes (N and N/10 profiles, for growth), each round on a fresh copy, against the set-based baseline: one
/// <c>INSERT … SELECT</c> of a rounded line per daily aggregate and one <c>INSERT … SELECT … GROUP BY</c> of each
/// profile's total and credit applied, in one transaction. Correctness: every profile's invoice subtotal and credit
/// applied equal the baseline's to the cent, nothing failed, and the ledger check agrees.
/// </summary>
internal static class RunBenchmark
{
    public static async Task<bool> RunAsync(BenchOptions options)
    {
        int[] sizes = [Math.Max(1, options.Profiles / 10), options.Profiles];
        var worlds = new List<RunWorld>();
        foreach (var size in sizes)
        {
            var seeding = Stopwatch.StartNew();
            worlds.Add(await RunWorld.SeedAsync(size));
            Stats.Line($"  seeded {size:N0} profiles, {size * 5:N0} subscriptions, {worlds[^1].Aggregates:N0} daily aggregates in {seeding.Elapsed.TotalSeconds:0.0} s");
        }
        var ok = true;
        var times = worlds.ToDictionary(w => w.Profiles, _ => (Rating: new List<double>(), Runs: new List<double>(), Baseline: new List<double>(), PeakMiB: new List<double>()));
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var world in worlds)
            {
                var baseline = await BaselineAsync(world);
                var purser = await PurserAsync(world);
                var t = times[world.Profiles];
                t.Rating.Add(purser.Rating);
                t.Runs.Add(purser.Runs);
                t.Baseline.Add(baseline.Seconds);
                t.PeakMiB.Add(purser.PeakMiB);
                Stats.Line($"  round {round + 1}, {world.Profiles:N0} profiles: rating {purser.Rating:0.00} s + billing runs {purser.Runs:0.00} s; baseline {baseline.Seconds:0.000} s");
                foreach (var problem in purser.Problems.Concat(Compare(baseline.Totals, purser.Totals)).Take(5))
                {
                    Console.WriteLine($"  WRONG: {problem}");
                    ok = false;
                }
            }
        }

        Stats.Line($"B-RUN (PostgreSQL; rating pass + billing run of every profile vs set-based SQL; medians of {options.Rounds} rounds)");
        foreach (var world in worlds)
        {
            var t = times[world.Profiles];
            var total = Stats.Median(t.Rating.Zip(t.Runs, (a, b) => a + b));
            var baseline = Stats.Median(t.Baseline);
            Stats.Line($"  {world.Profiles:N0} profiles / {world.Profiles * 5:N0} subscriptions / {world.Aggregates:N0} aggregates: Purser {total:0.00} s (rating {Stats.Median(t.Rating):0.00} s, runs {Stats.Median(t.Runs):0.00} s), baseline {baseline:0.000} s: {total / baseline:0.0}× (target ≤ 3×); bench process peak {t.PeakMiB.Max():0} MiB");
        }
        var small = times[sizes[0]];
        var large = times[sizes[1]];
        Stats.Line($"  growth {sizes[0]:N0} → {sizes[1]:N0} profiles: × {Stats.Median(large.Rating.Zip(large.Runs, (a, b) => a + b)) / Stats.Median(small.Rating.Zip(small.Runs, (a, b) => a + b)):0.0} (target ≤ × 11 for 10× the data)");
        foreach (var world in worlds)
            await world.Database.DisposeAsync();
        return ok;
    }

    private sealed record PurserPass(double Rating, double Runs, double PeakMiB, Dictionary<Guid, (decimal SubTotal, decimal Credit)> Totals, List<string> Problems);

    private static async Task<PurserPass> PurserAsync(RunWorld world)
    {
        await using var copy = await world.Database.CloneAsync();
        // Built, never started: no worker or scheduler runs beside the pass being timed.
        await using var app = PurserHost.Build(new ServerSettings(copy.ConnectionString, "http://127.0.0.1:0", LoadDemoWhenEmpty: false, ScheduleBilling: false),
            b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        var problems = new List<string>();
        var memory = new PeakMemory();
        var clock = Stopwatch.StartNew();
        var pass = await app.Services.GetRequiredService<UsageRating>().RatePendingAsync(default);
        var rating = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var run = await app.Services.GetRequiredService<BillingRun>().RunDueAsync(null, world.Period, null, default);
        var runs = clock.Elapsed.TotalSeconds;
        await memory.DisposeAsync();
        if (pass.Profiles != world.Profiles || pass.Failed.Count > 0 || pass.Unpriced > 0)
            problems.Add($"the rating pass rated {pass.Profiles} of {world.Profiles} profiles, {pass.Failed.Count} failed, {pass.Unpriced} days unpriced");
        if (run.Invoices.Count != world.Profiles || run.Failed.Count > 0)
            problems.Add($"the billing run invoiced {run.Invoices.Count} of {world.Profiles} profiles; failures: {string.Join("; ", run.Failed.Take(3).Select(f => f.Message))}");
        problems.AddRange(await new LedgerCheck(copy.Store).VerifyAsync(default));
        var totals = run.Invoices.ToDictionary(i => i.BillingProfileId, i => (i.SubTotal.Amount, i.CreditApplied.Amount));
        return new PurserPass(rating, runs, memory.MiB, totals, problems);
    }

    private static async Task<(double Seconds, Dictionary<Guid, (decimal SubTotal, decimal Credit)> Totals)> BaselineAsync(RunWorld world)
    {
        await using var conn = new NpgsqlConnection(world.Database.ConnectionString);
        await conn.OpenAsync();
        await ExecuteAsync(conn, """
            DROP TABLE IF EXISTS bench_close_lines; DROP TABLE IF EXISTS bench_close_totals;
            CREATE TABLE bench_close_lines (subscription_id uuid NOT NULL, meter_id uuid NOT NULL, usage_date date NOT NULL, amount numeric(28,10) NOT NULL);
            CREATE TABLE bench_close_totals (profile_id uuid PRIMARY KEY, sub_total numeric(28,10) NOT NULL, credit_applied numeric(28,10) NOT NULL);
            """);
        var clock = Stopwatch.StartNew();
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await ExecuteAsync(conn, $"""
                INSERT INTO bench_close_lines
                SELECT a."SubscriptionId", a."MeterId", a."UsageDate", round(a."Quantity" * p."UnitPrice", 2)
                FROM "UsageDailyAggregates" a JOIN "PriceVersions" p ON p."MeterId" = a."MeterId" AND p."Currency" = 'CNY'
                WHERE a."UsageDate" BETWEEN '{world.PeriodStart:yyyy-MM-dd}' AND '{world.PeriodEnd:yyyy-MM-dd}';
                INSERT INTO bench_close_totals
                SELECT s."BillingProfileId", sum(l.amount), least(sum(l.amount), {RunWorld.CreditPerProfile})
                FROM bench_close_lines l JOIN "Subscriptions" s ON s."Id" = l.subscription_id
                GROUP BY s."BillingProfileId";
                """, tx);
            await tx.CommitAsync();
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var totals = new Dictionary<Guid, (decimal, decimal)>();
        await using (var read = new NpgsqlCommand("SELECT profile_id, sub_total, credit_applied FROM bench_close_totals", conn))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                totals[reader.GetGuid(0)] = (reader.GetDecimal(1), reader.GetDecimal(2));
        }
        return (seconds, totals);
    }

    private static IEnumerable<string> Compare(Dictionary<Guid, (decimal SubTotal, decimal Credit)> baseline, Dictionary<Guid, (decimal SubTotal, decimal Credit)> purser)
    {
        if (baseline.Count != purser.Count)
            yield return $"the baseline totals {baseline.Count} profiles, Purser invoiced {purser.Count}";
        foreach (var (profile, expected) in baseline)
        {
            if (!purser.TryGetValue(profile, out var actual) || actual != expected)
                yield return $"profile {profile}: baseline subtotal {expected.SubTotal}, credit {expected.Credit}; Purser {actual.SubTotal}, {actual.Credit}";
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql, NpgsqlTransaction? tx = null)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        await cmd.ExecuteNonQueryAsync();
    }
}
