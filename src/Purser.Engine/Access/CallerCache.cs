using System.Collections.Concurrent;

namespace Purser.Engine.Access;

/// <summary>
/// Verified bearer tokens, kept briefly so a request does not pay for a token lookup and a role
/// query. Changes made through this process (a revoked token, a new role) forget everything at
/// once; a change made by another server of the deployment is seen within <see cref="Lifetime"/>.
/// </summary>
public sealed class CallerCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>The generation a lookup starts in; a result stored under an older one is dropped.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string tokenHash, DateTime now, out Caller? caller)
    {
        caller = null;
        if (!_entries.TryGetValue(tokenHash, out var entry))
            return false;
        if (entry.Generation != Generation || now - entry.StoredAt >= Lifetime || now < entry.StoredAt || entry.ExpiresAt <= now)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(tokenHash, entry));
            return false;
        }
        caller = entry.Caller;
        return true;
    }

    public void Store(string tokenHash, Caller caller, DateTime? expiresAt, long generation)
    {
        if (generation != Generation)
            return;
        if (_entries.Count >= Capacity)
            _entries.Clear();
        _entries[tokenHash] = new Entry(caller, expiresAt ?? DateTime.MaxValue, clock.GetUtcNow().UtcDateTime, generation);
    }

    /// <summary>Drops every cached caller: tokens or roles changed.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(Caller Caller, DateTime ExpiresAt, DateTime StoredAt, long Generation);
}
