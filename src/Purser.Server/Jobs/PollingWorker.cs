namespace Purser.Server.Jobs;

/// <summary>
/// A background loop on the injected clock: a pass, then a wait. A pass that throws (the store unreachable) is logged and the
/// next one retries, so a database outage never ends the loop, and with it the host.
/// </summary>
internal abstract partial class PollingWorker(TimeProvider clock, ILogger log) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Log { get; } = log;

    protected abstract TimeSpan Interval { get; }

    protected abstract Task PassAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Nothing half-done is kept: a claim or lease runs out, and a later pass does the work.
                LogPassFailed(Log, GetType().Name, ex);
            }
            try
            {
                await Task.Delay(Interval, Clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker} pass failed; the next pass retries")]
    private static partial void LogPassFailed(ILogger logger, string worker, Exception error);
}
