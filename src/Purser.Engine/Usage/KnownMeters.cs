using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Usage;

/// <summary>
/// The meters a usage batch may name, remembered once found: a meter is never deleted, so one seen to exist stays, and
/// a batch asks the store only about meters this process has not seen yet (most batches ask nothing). Ids not found
/// are not remembered, so unknown ids cannot grow it.
/// </summary>
internal sealed class KnownMeters
{
    private readonly ConcurrentDictionary<Guid, byte> _found = new();

    public async Task<IReadOnlySet<Guid>> ExistingAsync(PurserDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var unseen = ids.Where(id => !_found.ContainsKey(id)).ToList();
        if (unseen.Count > 0)
        {
            foreach (var id in await db.Meters.AsNoTracking().Where(m => unseen.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct))
                _found.TryAdd(id, 0);
        }
        return ids.Where(_found.ContainsKey).ToHashSet();
    }
}
