using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Purser.Engine;
using Purser.Engine.Idempotency;
using Purser.Testing;
using Xunit.Abstractions;

namespace Purser.Server.Tests.Reliability;

/// <summary>
/// T-CRASH: the month close run by the real <c>purser serve</c> process, SIGKILLed at seeded random moments
/// and started again, ends exactly where one uninterrupted run ends. The world is built once per engine and
/// copied for the reference run and for every crash point.
/// </summary>
[Collection(BillingRunCollection.Name)]
public sealed class BillingRunCrashTests(BillingRunWorlds worlds, ITestOutputHelper output) : IDisposable
{
    // Each crash point starts the server twice (2–5 s each on the shared 2-core machine); PURSER_CRASH_POINTS=20 runs all 20.
    private const int DefaultPoints = 3;
    private const int MidRunRetries = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    private static readonly string[] Months = [BillingRunWorld.Closed, BillingRunWorld.Month];
    private static readonly string[] LineTypes = [" Prepaid ", " Prorated ", " Reversal ", " Correction ", " Usage ", " OneTime "];
    private readonly string _workDir = Directory.CreateTempSubdirectory("purser-crash-").FullName;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_billing_run_killed_at_any_point_and_run_again_ends_as_an_uninterrupted_run(StorageEngine engine)
    {
        var (world, built, token, worldTime) = await worlds.GetAsync(engine);
        var clock = Stopwatch.StartNew();
        var (reference, timing) = await ReferenceAsync(world, built, token);
        var referenceTime = clock.Elapsed;

        var points = Points();
        var random = new Random(BillingRunWorlds.Seed);
        var profiles = built.Profiles.Count;
        var landed = new Dictionary<string, int> { ["before"] = 0, ["mid"] = 0, ["after"] = 0 };
        var retries = new Dictionary<string, int> { ["ran"] = 0, ["replayed"] = 0, ["in progress"] = 0 };
        var kills = new List<string>();
        async Task CrashAsync(string name, int after, TimeSpan delay)
        {
            await using var db = await world.CloneAsync();
            var key = Guid.NewGuid().ToString();
            var issued = await KillDuringRunAsync(db, built, token, key, after, delay) - built.InvoicesBefore;
            var when = issued == 0 ? "before" : issued == profiles ? "after" : "mid";
            landed[when]++;
            kills.Add(string.Create(CultureInfo.InvariantCulture, $"{after}+{delay.TotalMilliseconds:0}ms→{issued}"));

            var (retried, difference) = await RestartAndFinishAsync(db, token, key, reference);
            retries[retried]++;
            Assert.True(difference is null, string.Create(CultureInfo.InvariantCulture,
                $"{name} ({engine}), killed {delay.TotalMilliseconds:0} ms after invoice {after} of the run, {when} it ({issued} of {profiles} invoices issued): {difference}"));
            var violations = await BillingInvariants.ViolationsAsync(db.Store);
            Assert.True(violations.Count == 0, string.Join("\n", violations));
        }

        for (var point = 0; point < points; point++)
        {
            // Stratified over the run: the kill follows the k-th invoice of the run (k from 0, the start, to all of them and
            // the answer), then a random part of the time two closes take (from the start: of the way to the first invoice).
            var after = Math.Clamp((int)((profiles + 4) * (point + random.NextDouble()) / points) - 2, 0, profiles);
            var delay = (after == 0 ? timing.FirstInvoice * 1.5 : timing.Close * 2) * random.NextDouble();
            await CrashAsync($"crash point {point + 1}", after, delay);
        }

        // On a loaded machine the test can be descheduled long enough for a run to outpace its timed kill; a kill as soon as
        // half the invoices are seen makes sure the crash points include one in the middle of the run.
        for (var extra = 1; points >= 2 && landed["mid"] == 0 && extra <= MidRunRetries; extra++)
            await CrashAsync($"mid-run crash point {extra}", profiles / 2, TimeSpan.Zero);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine}: {profiles} profiles; world {worldTime.TotalSeconds:0.0} s, reference {referenceTime.TotalSeconds:0.0} s (first invoice after {timing.FirstInvoice.TotalMilliseconds:0} ms, then {timing.Close.TotalMilliseconds:0.0} ms a close), " +
            $"{points} crash points {(clock.Elapsed - referenceTime).TotalSeconds:0.0} s; kills landed {landed["before"]} before, {landed["mid"]} mid-run, {landed["after"]} after the run ({string.Join(", ", kills)}: invoice of the run followed, delay, invoices issued); " +
            $"the killed call's key sent again: {retries["ran"]} ran, {retries["replayed"]} replayed, {retries["in progress"]} still reserved"));
        if (points >= 2)
            Assert.True(landed["mid"] > 0, $"no kill landed mid-run: {string.Join(", ", landed)}");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_key_of_a_run_that_died_with_its_server_is_taken_over_once_its_lease_is_over(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2019, 9, 1, 0, 0, 0, TimeSpan.Zero));
        var f = await UsageFixture.CreateAsync(api);
        api.AdvanceClockTo(new DateTimeOffset(2019, 10, 2, 0, 0, 0, TimeSpan.Zero));
        using var op = api.Operator();
        var key = Guid.NewGuid().ToString();
        var body = new { billingProfileId = f.ProfileId, period = "2019-09" };
        using var first = await PurserApi.PostAsync(op, "/ops/billingRuns", body, key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        // What a server killed after the close committed and before it stored the reply leaves: the key reserved, no reply.
        await using (var db = api.Database.Store.CreateContext())
            Assert.Equal(1, await db.IdempotencyRecords.Where(r => r.Key.EndsWith(":" + key))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, 0).SetProperty(r => r.ResponseBody, "")));

        using (var early = await PurserApi.PostAsync(op, "/ops/billingRuns", body, key))
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        api.Clock.Advance(IdempotentReplies.Lease);
        using var taken = await PurserApi.PostAsync(op, "/ops/billingRuns", body, key);
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal(await NumberAsync(first), await NumberAsync(taken));
        using var replayed = await PurserApi.PostAsync(op, "/ops/billingRuns", body, key);
        Assert.Equal((HttpStatusCode.Created, true), (replayed.StatusCode, replayed.Headers.Contains("Idempotent-Replayed")));
        await using (var db = api.Database.Store.CreateContext())
            Assert.Equal(1, await db.Invoices.CountAsync());
    }

    /// <summary>
    /// One uninterrupted run on a copy of the world: what every crash point must end with, how long the run took to
    /// its first invoice, and how long a close takes after that (watched as the kills are).
    /// </summary>
    private async Task<(BillingRecord, RunTiming)> ReferenceAsync(TestDatabase world, BillingRunWorld built, string token)
    {
        await using var db = await world.CloneAsync();
        var (server, address) = await PurserProcess.ServeAsync(_workDir, db.ConnectionString, StartTimeout);
        BillingRecord reference;
        RunTiming timing;
        await using (server)
        {
            using var op = PurserApi.Client(address, token);
            await WarmUpAsync(op, built);
            var run = PurserApi.PostAsync(op, "/ops/billingRuns", new { period = BillingRunWorld.Month }, Guid.NewGuid().ToString());
            var clock = Stopwatch.StartNew();
            await WaitForInvoicesAsync(db, built, 1, run);
            var first = clock.Elapsed;
            await WaitForInvoicesAsync(db, built, built.Profiles.Count, run);
            timing = new RunTiming(first, (clock.Elapsed - first) / (built.Profiles.Count - 1));
            await AssertCompletedAsync(await run);
            reference = await BillingRecord.TakeAsync(db.Store, op, BillingRunWorld.Partners, Months);
        }
        Assert.Empty(await BillingInvariants.ViolationsAsync(db.Store));
        Assert.Equal(built.InvoicesBefore + built.Profiles.Count, await InvoiceCountAsync(db.Store));
        AssertRich(reference, built);
        return (reference, timing);
    }

    /// <summary>
    /// Starts the run on a fresh server and SIGKILLs the server <paramref name="delay"/> after the run's
    /// <paramref name="after"/>-th invoice is committed (all of them: after the run answered); answers how many invoices exist then.
    /// </summary>
    private async Task<int> KillDuringRunAsync(TestDatabase db, BillingRunWorld built, string token, string key, int after, TimeSpan delay)
    {
        var (server, address) = await PurserProcess.ServeAsync(_workDir, db.ConnectionString, StartTimeout);
        await using (server)
        {
            using var op = PurserApi.Client(address, token);
            await WarmUpAsync(op, built);
            var run = PurserApi.PostAsync(op, "/ops/billingRuns", new { period = BillingRunWorld.Month }, key);
            await WaitForInvoicesAsync(db, built, after == built.Profiles.Count ? after + 1 : after, run);
            await Task.Delay(delay);
            server.Kill();
            try
            {
                (await run).Dispose();
            }
            catch (HttpRequestException)
            {
                // The connection died with the server: the usual end of a killed run.
            }
        }
        return await InvoiceCountAsync(db.Store);
    }

    /// <summary>Until the run has issued <paramref name="count"/> invoices, or answered (bounded by <see cref="RunTimeout"/>), polling every 5 ms.</summary>
    private static async Task WaitForInvoicesAsync(TestDatabase db, BillingRunWorld built, int count, Task run)
    {
        await using var context = db.Store.CreateContext();
        var waited = Stopwatch.StartNew();
        while (!run.IsCompleted && await context.Invoices.CountAsync() - built.InvoicesBefore < count && waited.Elapsed < RunTimeout)
            await Task.WhenAny(run, Task.Delay(Poll));
    }

    /// <summary>
    /// Starts the killed server again and finishes the run: a client retries with its key; within the lease the killed
    /// call's reservation still stands (a server cannot tell a dead call from a slow one), so the operator runs the billing
    /// run again. Answers what the retry got and how the end differs from <paramref name="reference"/>.
    /// </summary>
    private async Task<(string Retried, string? Difference)> RestartAndFinishAsync(TestDatabase db, string token, string key, BillingRecord reference)
    {
        var (server, address) = await PurserProcess.ServeAsync(_workDir, db.ConnectionString, StartTimeout);
        await using (server)
        {
            using var op = PurserApi.Client(address, token);
            var retried = await RetryAsync(op, key);
            if (retried == "in progress")
                await RunToCompletionAsync(op, Guid.NewGuid().ToString());
            return (retried, (await BillingRecord.TakeAsync(db.Store, op, BillingRunWorld.Partners, Months)).DifferenceFrom(reference));
        }
    }

    /// <summary>
    /// A preview plans a close without writing anything: the close's code is compiled before the run starts, as in a
    /// server that has been up for a while, so the run's time is the closes' and the kills spread over them.
    /// </summary>
    private static async Task WarmUpAsync(HttpClient op, BillingRunWorld built)
    {
        using var response = await op.GetAsync($"/ops/billingProfiles/{built.Profiles[0].Id}/invoicePreview");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Closes every profile's June period and expects the summary (200) with nothing refused.</summary>
    private static async Task RunToCompletionAsync(HttpClient op, string key) =>
        await AssertCompletedAsync(await PurserApi.PostAsync(op, "/ops/billingRuns", new { period = BillingRunWorld.Month }, key));

    /// <summary>Expects a billing run's summary (200) with nothing refused.</summary>
    private static async Task AssertCompletedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /ops/billingRuns answered {(int)response.StatusCode}: {body}");
            Assert.Empty(JsonDocument.Parse(body).RootElement.GetProperty("failed").EnumerateArray());
        }
    }

    /// <summary>The killed call's key sent again: it runs (the kill came before its reservation), replays the stored reply, or is still reserved.</summary>
    private static async Task<string> RetryAsync(HttpClient op, string key)
    {
        using var response = await PurserApi.PostAsync(op, "/ops/billingRuns", new { period = BillingRunWorld.Month }, key);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.Conflict && body.Contains("\"RequestInProgress\"", StringComparison.Ordinal))
            return "in progress";
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /ops/billingRuns with the killed call's key answered {(int)response.StatusCode}: {body}");
        Assert.Empty(JsonDocument.Parse(body).RootElement.GetProperty("failed").EnumerateArray());
        return response.Headers.Contains("Idempotent-Replayed") ? "replayed" : "ran";
    }

    /// <summary>A world worth crashing: every profile invoiced, with license lines and corrections, usage, one-off charges, credit drawn and lots expired.</summary>
    private static void AssertRich(BillingRecord reference, BillingRunWorld built)
    {
        Assert.All(built.Profiles, p => Assert.Contains(reference[$"{p.Name} invoices"], i => i.Contains($" {BillingRunWorld.Month}-", StringComparison.Ordinal)));
        var lines = built.Profiles.SelectMany(p => reference[$"{p.Name} lines"]).ToList();
        Assert.All(LineTypes, type => Assert.Contains(lines, l => l.Contains(type, StringComparison.Ordinal)));
        Assert.Contains(built.Profiles.SelectMany(p => reference[$"{p.Name} invoices"]), i => !i.Contains(" credit 0", StringComparison.Ordinal));
        Assert.Contains(built.Profiles.SelectMany(p => reference[$"{p.Name} journal"]), e => e.Contains(" Expiry ", StringComparison.Ordinal));
        Assert.All(BillingRunWorld.Partners, p => Assert.NotEmpty(reference[$"recon {p} {BillingRunWorld.Month}"]));
    }

    private static async Task<string?> NumberAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("invoiceNumber").GetString();

    private static async Task<int> InvoiceCountAsync(PurserStore store)
    {
        await using var db = store.CreateContext();
        return await db.Invoices.CountAsync();
    }

    /// <summary>How long an uninterrupted run takes to its first invoice, and then to each next one.</summary>
    private sealed record RunTiming(TimeSpan FirstInvoice, TimeSpan Close);

    private static int Points() =>
        int.TryParse(Environment.GetEnvironmentVariable("PURSER_CRASH_POINTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 50
            ? n : DefaultPoints;

    public void Dispose() => Directory.Delete(_workDir, recursive: true);
}
