using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Bench;

/// <summary>
/// B-ENFORCE on the embedded store: from posting a usage batch that exhausts a prepaid
/// subscription's credit to that subscription answering "not entitled", through HTTP, with the
/// server's own rating worker doing the work. Prints each run and the distribution; a run that
/// never reaches "not entitled" within 30 s fails the check.
/// </summary>
internal static class EnforcementBenchmark
{
    public static async Task<bool> RunAsync(BenchOptions options)
    {
        var runs = options.Pick(5, 20);
        await using var database = await TestDatabase.CreateAsync(StorageEngine.Sqlite);
        await using var server = await BenchServer.StartAsync(database);
        using var http = server.Client();

        var account = await PurserApi.CreatedAsync(http, "/ops/billingAccounts", new { displayName = "Bench", agreementType = "MicrosoftOnlineServicesProgram", accountType = "Individual", soldTo = new { addressLine1 = "1", country = "CN" } });
        var meter = await PurserApi.CreatedAsync(http, "/ops/meters", new { name = "vm", category = "Compute", unit = "1 Hour" });
        await PurserApi.CreatedAsync(http, $"/ops/meters/{meter.GetProperty("id")}/prices", new { currency = "CNY", unitPrice = 0.92m });

        var timings = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var profile = await PurserApi.CreatedAsync(http, "/ops/billingProfiles", new { billingAccountId = account.GetProperty("id"), displayName = $"p{run}", currency = "CNY" });
            var sub = await PurserApi.CreatedAsync(http, "/ops/subscriptions", new { billingProfileId = profile.GetProperty("id"), displayName = $"s{run}", offerType = "StandardPrepaid" });
            var subscriptionId = sub.GetProperty("id").GetGuid();
            await PurserApi.CreatedAsync(http, "/ops/payments", new { subscriptionId, amount = 1000m });
            var batch = Enumerable.Range(0, 100).Select(i => new
            {
                eventId = $"r{run}-e{i}", subscriptionId, meterId = meter.GetProperty("id"), quantity = 11m, timestamp = DateTimeOffset.UtcNow.AddMinutes(-1),
            });

            var clock = Stopwatch.StartNew();
            (await http.PostAsJsonAsync("/ops/usage", new { source = "bench", events = batch })).EnsureSuccessStatusCode();
            while (true)
            {
                var answer = await http.GetFromJsonAsync<JsonElement>($"/ops/subscriptions/{subscriptionId}/entitlement");
                if (!answer.GetProperty("entitled").GetBoolean())
                    break;
                if (clock.Elapsed > TimeSpan.FromSeconds(30))
                {
                    Console.WriteLine($"  run {run}: still entitled after 30 s");
                    return false;
                }
            }
            timings.Add(clock.Elapsed.TotalMilliseconds);
            Stats.Line($"  run {run + 1,3}: {clock.Elapsed.TotalMilliseconds,8:0.0} ms from batch to not entitled");
        }

        Stats.Line($"B-ENFORCE (SQLite, {runs} runs, 100-event batch exhausting 1,000.00 CNY): median {Stats.Median(timings):0.0} ms, p95 {Stats.Percentile(timings, 0.95):0.0} ms, max {timings.Max():0.0} ms; target ≤ 1000 ms");
        return true;
    }
}
