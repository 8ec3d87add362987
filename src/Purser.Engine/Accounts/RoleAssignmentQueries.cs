using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Accounts;

/// <summary>The role assignments held at one billing account or billing profile.</summary>
public sealed class RoleAssignmentQueries(PurserStore store)
{
    /// <summary>Assignments whose scope is exactly <paramref name="scopeId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<RoleAssignmentRecord>> AtScopeAsync(Guid accountId, Guid scopeId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var rows = await (from r in db.RoleAssignments
                          join u in db.Users on r.UserId equals u.Id
                          where r.BillingAccountId == accountId && r.ScopeId == scopeId
                          select new { Assignment = r, u.Email, u.BillingAccountId }).AsNoTracking().ToListAsync(ct);
        return [.. rows
            .Select(x => new RoleAssignmentRecord(x.Assignment.Id, x.Assignment.BillingAccountId, x.Assignment.UserId, x.Email, x.BillingAccountId,
                x.Assignment.Role, x.Assignment.ScopeKind, x.Assignment.ScopeId, new DateTimeOffset(x.Assignment.CreatedAt)))
            .OrderBy(r => r.CreatedOn).ThenBy(r => r.Id)];
    }
}
