namespace Purser.Bench;

/// <summary>The largest working set of this process (server and load generator together) seen while it is sampling, every 100 ms.</summary>
internal sealed class PeakMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peak = Environment.WorkingSet;

    public PeakMemory() => _sampler = Task.Run(async () =>
    {
        while (!_stop.IsCancellationRequested)
        {
            _peak = Math.Max(_peak, Environment.WorkingSet);
            await Task.Delay(100, CancellationToken.None);
        }
    });

    public double MiB => Math.Max(_peak, Environment.WorkingSet) / 1024.0 / 1024.0;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }
}
