namespace Purser.Engine.Usage;

/// <summary>
/// Wakes the rating worker as soon as new usage is committed, so a prepaid subscription whose
/// credit runs out stops within a rating pass rather than a polling interval (B-ENFORCE).
/// </summary>
public sealed class RatingSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Raise()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending; one pass rates everything that arrived.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _pending.WaitAsync(timeout, ct);

    public void Dispose() => _pending.Dispose();
}
