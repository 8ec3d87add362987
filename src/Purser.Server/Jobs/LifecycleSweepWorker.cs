using System.Globalization;
using Purser.Engine.Jobs;
using Purser.Engine.Lifecycle;

namespace Purser.Server.Jobs;

/// <summary>
/// Once a minute (on the injected clock), claims that minute's lifecycle sweep in the database
/// and runs it: with several server processes on one PostgreSQL, each sweep runs once.
/// </summary>
internal sealed partial class LifecycleSweepWorker(LifecycleSweep sweep, JobClaims claims, TimeProvider clock, ILogger<LifecycleSweepWorker> log)
    : BackgroundService
{
    public const string JobName = "lifecycle-sweep";
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>Runs this minute's sweep unless another process already has; false when it was taken.</summary>
    public async Task<bool> RunDueAsync(CancellationToken ct)
    {
        var runKey = clock.GetUtcNow().ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        if (await claims.TryClaimAsync(JobName, runKey, _owner, ct) is not { } runId)
            return false;
        try
        {
            var result = await sweep.RunAsync(ct);
            await claims.FinishAsync(runId, null, 100, ct);
            if (result.LotsExpired > 0 || result.SubscriptionsChanged > 0)
                LogSwept(log, result.LotsExpired, result.SubscriptionsChanged);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            await claims.FinishAsync(runId, ex.Message, 0, CancellationToken.None);
            LogFailure(log, ex);
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lifecycle sweep: {Lots} credit lots expired, {Subscriptions} subscriptions changed state")]
    private static partial void LogSwept(ILogger logger, int lots, int subscriptions);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lifecycle sweep failed; the next minute's sweep retries")]
    private static partial void LogFailure(ILogger logger, Exception error);
}
