using Microsoft.EntityFrameworkCore;
using Purser.Engine.Access;
using Purser.Engine.Storage;

namespace Purser.Engine.Notifications;

/// <summary>Who billing notices of an account go to: its account administrators, by e-mail, each in their language.</summary>
internal static class AccountAdministrators
{
    public static async Task<List<ReminderRecipient>> OfAsync(PurserDbContext db, Guid billingAccountId, CancellationToken ct) =>
        [.. (await (
            from r in db.RoleAssignments
            where r.BillingAccountId == billingAccountId && r.Role == BillingRole.AccountAdministrator
            join u in db.Users on r.UserId equals u.Id
            orderby u.Email
            select u).AsNoTracking().Distinct().ToListAsync(ct))
            .Select(u => new ReminderRecipient(u.Id, u.Email, u.FirstName, u.LastName, u.PreferredLanguage, u.UnsubscribedAt == null))];

    /// <summary>The administrators who take optional notices (<see cref="OptionalNotices"/>): those who have not turned them off.</summary>
    public static async Task<List<ReminderRecipient>> TakingOptionalAsync(PurserDbContext db, Guid billingAccountId, CancellationToken ct) =>
        [.. (await OfAsync(db, billingAccountId, ct)).Where(a => a.TakesOptional)];
}
