using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Purser.Engine;
using Purser.Engine.Accounts;
using Purser.Server.Hosting;

namespace Purser.Bench;

/// <summary>
/// B-ENFORCE on the embedded store: from posting a usage batch that exhausts a prepaid
/// subscription's credit to that subscription answering "not entitled", through HTTP, with the
/// server's own rating worker doing the work. Prints each run and the distribution.
/// </summary>
internal static class EnforcementBenchmark
{
    public static async Task<int> RunAsync(int runs)
    {
        var dir = Directory.CreateTempSubdirectory("purser-bench-").FullName;
        var address = $"http://127.0.0.1:{FreePort()}";
        await using var app = PurserHost.Build(new ServerSettings(PurserStore.SqliteFile(Path.Combine(dir, "purser.db")), address, LoadDemoWhenEmpty: false));
        await app.Services.GetRequiredService<PurserStore>().MigrateAsync();
        await app.StartAsync();
        var accounts = app.Services.GetRequiredService<AccountCommands>();
        var op = await accounts.CreateUserAsync(new NewUser(null, "bench@purser.local", null, null, null, null, null, true, null), default);
        var token = (await accounts.CreateTokenAsync(new NewApiToken(op.Value.Id, "bench", null), default)).Value.Token!;
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var account = await Post(http, "/ops/billingAccounts", new { displayName = "Bench", agreementType = "MicrosoftOnlineServicesProgram", accountType = "Individual", soldTo = new { addressLine1 = "1", country = "CN" } });
        var meter = await Post(http, "/ops/meters", new { name = "vm", category = "Compute", unit = "1 Hour" });
        await Post(http, $"/ops/meters/{meter.GetProperty("id")}/prices", new { currency = "CNY", unitPrice = 0.92m });

        var timings = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var profile = await Post(http, "/ops/billingProfiles", new { billingAccountId = account.GetProperty("id"), displayName = $"p{run}", currency = "CNY" });
            var sub = await Post(http, "/ops/subscriptions", new { billingProfileId = profile.GetProperty("id"), displayName = $"s{run}", offerType = "StandardPrepaid" });
            var subscriptionId = sub.GetProperty("id").GetGuid();
            await Post(http, "/ops/payments", new { subscriptionId, amount = 1000m });
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
                    throw new TimeoutException($"run {run}: still entitled after 30 s");
            }
            timings.Add(clock.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1,3}: {clock.Elapsed.TotalMilliseconds,8:0.0} ms from batch to not entitled"));
        }

        timings.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"B-ENFORCE (SQLite, {runs} runs, 100-event batch exhausting 1,000.00 CNY): median {timings[timings.Count / 2]:0.0} ms, p95 {timings[(int)(timings.Count * 0.95)]:0.0} ms, max {timings[^1]:0.0} ms; target ≤ 1000 ms"));
        await app.StopAsync();
        Directory.Delete(dir, recursive: true);
        return timings[^1] <= 1000 ? 0 : 1;
    }

    private static async Task<JsonElement> Post(HttpClient http, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
