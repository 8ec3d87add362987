using System.Diagnostics;
using System.Net;

namespace Purser.Bench;

/// <summary>What a load loop measured: requests answered, wall time, per-request latency and failures.</summary>
internal sealed record LoadResult(int Requests, double Seconds, double[] LatenciesMs, int Failures, string? FirstFailure)
{
    public double PerSecond => Requests / Seconds;
    public double P50 => Stats.Percentile(LatenciesMs, 0.50);
    public double P99 => Stats.Percentile(LatenciesMs, 0.99);
}

/// <summary>
/// Bounded HTTP load against the loopback server: every loop stops at a request count or a time limit,
/// whichever comes first. Only status codes are checked in the loop (a body check would load the same
/// two cores the server runs on); callers check one body before.
/// </summary>
internal static class Load
{
    /// <summary>As fast as <paramref name="workers"/> clients can go, each sending its next request when the last is answered.</summary>
    public static Task<LoadResult> ClosedAsync(HttpClient http, string path, int workers, int maxRequests, TimeSpan maxTime) =>
        ClosedAsync(() => GetAsync(http, path), workers, maxRequests, maxTime);

    /// <summary>The same loop over any request: <paramref name="send"/> answers null when the request did what it should, else why not.</summary>
    public static async Task<LoadResult> ClosedAsync(Func<Task<string?>> send, int workers, int maxRequests, TimeSpan maxTime)
    {
        var issued = 0;
        var latencies = new double[maxRequests];
        var failures = 0;
        string? firstFailure = null;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < maxTime)
            {
                var i = Interlocked.Increment(ref issued) - 1;
                if (i >= maxRequests)
                    return;
                var start = clock.Elapsed;
                var failure = await send();
                latencies[i] = (clock.Elapsed - start).TotalMilliseconds;
                if (failure is not null && Interlocked.Increment(ref failures) == 1)
                    firstFailure = failure;
            }
        })));
        var done = Math.Min(issued, maxRequests);
        return new LoadResult(done, clock.Elapsed.TotalSeconds, latencies[..done], failures, firstFailure);
    }

    /// <summary>
    /// At a fixed rate: request i is due at i / <paramref name="perSecond"/>, and its latency counts from when it was
    /// due, so a server that falls behind shows it in the tail instead of slowing the generator down.
    /// </summary>
    public static async Task<LoadResult> PacedAsync(HttpClient http, string path, double perSecond, int maxRequests, TimeSpan maxTime)
    {
        var issued = 0;
        var answered = 0;
        var latencies = new double[maxRequests];
        var failures = 0;
        string? firstFailure = null;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref issued) - 1;
                var due = TimeSpan.FromSeconds(i / perSecond);
                if (i >= maxRequests || due > maxTime)
                    return;
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait);
                var failure = await GetAsync(http, path);
                latencies[i] = (clock.Elapsed - due).TotalMilliseconds;
                Interlocked.Increment(ref answered);
                if (failure is not null && Interlocked.Increment(ref failures) == 1)
                    firstFailure = failure;
            }
        })));
        // Indices are handed out in order and each stop condition only grows with the index, so those sent are 0 … answered − 1.
        return new LoadResult(answered, clock.Elapsed.TotalSeconds, latencies[..answered], failures, firstFailure);
    }

    private static async Task<string?> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK ? null : $"GET {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}";
    }
}
