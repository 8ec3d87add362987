using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Bench;

/// <summary>
/// B-ENFORCE on the embedded store: from posting a usage batch that exhausts a prepaid subscription's credit to that
/// subscription answering "not entitled", through HTTP, with the server's own rating worker doing the work; and the same
/// for a pay-as-you-go subscription whose budget has the stop action (issue 12: within the same bound), then the raise
/// of that budget until it answers "entitled" again. Prints each run and the distributions; a run that never turns
/// within 30 s fails the check.
/// </summary>
internal static class EnforcementBenchmark
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);

    public static async Task<bool> RunAsync(BenchOptions options)
    {
        var runs = options.Pick(5, 20);
        await using var database = await TestDatabase.CreateAsync(StorageEngine.Sqlite);
        await using var server = await BenchServer.StartAsync(database);
        using var http = server.Client();

        var account = await PurserApi.CreatedAsync(http, "/ops/billingAccounts", new { displayName = "Bench", agreementType = "MicrosoftOnlineServicesProgram", accountType = "Individual", soldTo = new { addressLine1 = "1", country = "CN" } });
        var meter = (await PurserApi.CreatedAsync(http, "/ops/meters", new { name = "vm", category = "Compute", unit = "1 Hour" })).GetProperty("id").GetGuid();
        await PurserApi.CreatedAsync(http, $"/ops/meters/{meter}/prices", new { currency = "CNY", unitPrice = 0.92m });
        // A month that holds today on any profile's calendar.
        var monthStart = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1).AddMonths(-1);

        var (credit, stops, raises) = (new List<double>(), new List<double>(), new List<double>());
        for (var run = 0; run < runs; run++)
        {
            var profile = await PurserApi.CreatedAsync(http, "/ops/billingProfiles", new { billingAccountId = account.GetProperty("id"), displayName = $"p{run}", currency = "CNY" });
            var prepaid = await SubscriptionAsync(http, profile, $"s{run}", "StandardPrepaid");
            await PurserApi.CreatedAsync(http, "/ops/payments", new { subscriptionId = prepaid, amount = 1000m });
            if (await UntilAsync(http, prepaid, entitled: false, () => PostBatchAsync(http, prepaid, meter, $"r{run}")) is not { } exhausted)
                return false;
            credit.Add(exhausted);
            Stats.Line($"  run {run + 1,3}: {exhausted,8:0.0} ms from batch to not entitled (credit)");

            var payg = await SubscriptionAsync(http, profile, $"b{run}", "PayAsYouGo");
            var budgetId = $"/subscriptions/{payg}/providers/Microsoft.Consumption/budgets/cap";
            await PutBudgetAsync(http, budgetId, 100m, monthStart);
            (await http.PutAsJsonAsync("/ops/budgets/stopAction", new { budgetId, stop = true })).EnsureSuccessStatusCode();
            if (await UntilAsync(http, payg, entitled: false, () => PostBatchAsync(http, payg, meter, $"b{run}")) is not { } stopped
                || await UntilAsync(http, payg, entitled: true, () => PutBudgetAsync(http, budgetId, 100_000m, monthStart)) is not { } raised)
                return false;
            stops.Add(stopped);
            raises.Add(raised);
            Stats.Line($"  run {run + 1,3}: {stopped,8:0.0} ms from batch to not entitled (budget), {raised,8:0.0} ms from raising it to entitled");
        }

        Stats.Line($"B-ENFORCE (SQLite, {runs} runs, 100-event batch exhausting 1,000.00 CNY): median {Stats.Median(credit):0.0} ms, p95 {Stats.Percentile(credit, 0.95):0.0} ms, max {credit.Max():0.0} ms; target ≤ 1000 ms");
        Stats.Line($"B-ENFORCE budget stop (the same batch passing a 100.00 CNY budget): median {Stats.Median(stops):0.0} ms, p95 {Stats.Percentile(stops, 0.95):0.0} ms, max {stops.Max():0.0} ms; raised, entitled again: median {Stats.Median(raises):0.0} ms, max {raises.Max():0.0} ms; target ≤ 1000 ms");
        return true;
    }

    private static async Task<Guid> SubscriptionAsync(HttpClient http, JsonElement profile, string name, string offerType) =>
        (await PurserApi.CreatedAsync(http, "/ops/subscriptions", new { billingProfileId = profile.GetProperty("id"), displayName = name, offerType })).GetProperty("id").GetGuid();

    private static async Task PostBatchAsync(HttpClient http, Guid subscriptionId, Guid meter, string prefix)
    {
        var batch = Enumerable.Range(0, 100).Select(i => new
        {
            eventId = $"{prefix}-e{i}", subscriptionId, meterId = meter, quantity = 11m, timestamp = DateTimeOffset.UtcNow.AddMinutes(-1),
        });
        (await http.PostAsJsonAsync("/ops/usage", new { source = "bench", events = batch })).EnsureSuccessStatusCode();
    }

    private static async Task PutBudgetAsync(HttpClient http, string budgetId, decimal amount, DateOnly start) =>
        (await http.PutAsJsonAsync($"{budgetId}?api-version=2021-10-01", new
        {
            properties = new { category = "Cost", amount, timeGrain = "Monthly", timePeriod = new { startDate = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } },
        })).EnsureSuccessStatusCode();

    /// <summary>Milliseconds from the start of <paramref name="act"/> until the subscription answers <paramref name="entitled"/>; null after 30 s.</summary>
    private static async Task<double?> UntilAsync(HttpClient http, Guid subscriptionId, bool entitled, Func<Task> act)
    {
        var clock = Stopwatch.StartNew();
        await act();
        while ((await http.GetFromJsonAsync<JsonElement>($"/ops/subscriptions/{subscriptionId}/entitlement")).GetProperty("entitled").GetBoolean() != entitled)
        {
            if (clock.Elapsed > GiveUp)
            {
                Console.WriteLine($"  {subscriptionId}: not {(entitled ? "entitled" : "stopped")} after 30 s");
                return null;
            }
        }
        return clock.Elapsed.TotalMilliseconds;
    }
}
