using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Access;

/// <summary>Resolves a bearer token to its caller, with the roles they hold.</summary>
public sealed class CallerDirectory(PurserStore store, TimeProvider clock)
{
    public async Task<Caller?> FindByTokenAsync(string token, CancellationToken ct)
    {
        var hash = ApiTokens.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = store.CreateContext();
        var user = await (from t in db.ApiTokens
                          join u in db.Users on t.UserId equals u.Id
                          where t.TokenHash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now)
                          select u).AsNoTracking().FirstOrDefaultAsync(ct);
        if (user is null)
            return null;
        var grants = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == user.Id)
            .Select(r => new Grant(r.Role, r.ScopeKind, r.ScopeId, r.BillingAccountId)).ToListAsync(ct);
        return new Caller(user.Id, user.Email, user.IsOperator, user.BillingAccountId, grants, user.PartnerId);
    }
}
