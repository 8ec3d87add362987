using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Access;

/// <summary>Resolves a bearer token to its caller, with the roles they hold.</summary>
public sealed class CallerDirectory(PurserStore store, TimeProvider clock, CallerCache cache)
{
    public async Task<Caller?> FindByTokenAsync(string token, CancellationToken ct)
    {
        var hash = ApiTokens.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        if (cache.TryGet(hash, now, out var cached))
            return cached;
        var generation = cache.Generation;
        await using var db = store.CreateContext();
        var found = await (from t in db.ApiTokens
                           join u in db.Users on t.UserId equals u.Id
                           where t.TokenHash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now)
                           select new { User = u, t.ExpiresAt }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (found is null)
            return null;
        var caller = await CallerOfAsync(db, found.User, ct);
        cache.Store(hash, caller, found.ExpiresAt, generation);
        return caller;
    }

    /// <summary>The caller a signed-in portal user acts as, with the roles they hold now; null once the user is gone.</summary>
    public async Task<Caller?> FindByUserAsync(Guid userId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is null ? null : await CallerOfAsync(db, user, ct);
    }

    private static async Task<Caller> CallerOfAsync(PurserDbContext db, Storage.Entities.User user, CancellationToken ct)
    {
        var grants = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == user.Id)
            .Select(r => new Grant(r.Role, r.ScopeKind, r.ScopeId, r.BillingAccountId)).ToListAsync(ct);
        return new Caller(user.Id, user.Email, user.IsOperator, user.BillingAccountId, grants, user.PartnerId);
    }
}
