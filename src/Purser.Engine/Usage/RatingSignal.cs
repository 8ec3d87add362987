namespace Purser.Engine.Usage;

/// <summary>
/// Wakes the rating worker as soon as new usage is committed, so a prepaid subscription whose
/// credit runs out stops within a rating pass rather than a polling interval (B-ENFORCE).
/// At most one wake-up is pending: one pass rates everything that arrived before it began.
/// </summary>
public sealed class RatingSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);
    private int _raised;

    public void Raise()
    {
        if (Interlocked.Exchange(ref _raised, 1) == 0)
            _pending.Release();
    }

    /// <summary>Waits for a wake-up; the caller's pass that follows sees every batch raised before it returned.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        var woken = await _pending.WaitAsync(timeout, ct);
        if (woken)
            Interlocked.Exchange(ref _raised, 0);
        return woken;
    }

    public void Dispose() => _pending.Dispose();
}
