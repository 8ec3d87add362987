using System.Diagnostics;
using System.Globalization;
using Purser.Engine.Jobs;

namespace Purser.Server.Jobs;

/// <summary>
/// A job run once a minute (on the injected clock) across every server process: each process tries
/// to claim the minute's run in the database and only the winner runs it (SPEC §6, T-MULTI).
/// </summary>
internal abstract partial class MinuteJob(JobClaims claims, TimeProvider clock, ILogger log) : PollingWorker(clock, log)
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected abstract string Name { get; }

    /// <summary>One run; the text returned, if any, is logged as what it did.</summary>
    protected abstract Task<string?> RunOnceAsync(CancellationToken ct);

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override Task PassAsync(CancellationToken ct) => RunDueAsync(ct);

    /// <summary>What a notice job logs of a run: how many it wrote and which profiles failed; null when it did nothing.</summary>
    protected static string? Written(string what, int written, IReadOnlyList<ProfileFailure> failed) =>
        written > 0 || failed.Count > 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"{written} {what} written, {failed.Count} profiles failed{string.Concat(failed.Select(f => $"; {f.BillingProfileId}: {f.Reason}"))}")
            : null;

    /// <summary>Runs this minute's job unless another process already has; false when it was taken.</summary>
    public async Task<bool> RunDueAsync(CancellationToken ct)
    {
        var runKey = Clock.GetUtcNow().ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        using var span = JobTracing.Start(Name);
        span?.SetTag("purser.job.run_key", runKey);
        if (await claims.TryClaimAsync(Name, runKey, _owner, ct) is not { } runId)
        {
            span?.SetTag("purser.job.claimed", false);
            return false;
        }
        span?.SetTag("purser.job.claimed", true);
        try
        {
            var done = await RunOnceAsync(ct);
            await claims.FinishAsync(runId, null, 100, ct);
            if (done is not null)
                LogDone(Log, Name, done);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await claims.ReleaseAsync(runId, CancellationToken.None);
            LogReleased(Log, Name);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            await claims.FinishAsync(runId, ex.Message, 0, CancellationToken.None);
            LogFailure(Log, Name, ex);
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job}: {Done}")]
    private static partial void LogDone(ILogger logger, string job, string done);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job}: stopped before it finished; its claim on this minute's run is released")]
    private static partial void LogReleased(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} failed; the next minute's run retries")]
    private static partial void LogFailure(ILogger logger, string job, Exception error);
}
