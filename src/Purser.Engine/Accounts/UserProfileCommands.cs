using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Engine.Access;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Accounts;

/// <summary>
/// R-PROFILE: a person's contact details, and whether they take optional notices. A null field is unchanged; an empty
/// optional field is cleared.
/// </summary>
public sealed record UserProfileChange(string? Email, string? FirstName, string? LastName, string? Phone, string? Company, bool? OptionalNotices = null);

/// <summary>
/// A person's contact details: the e-mail they sign in with and billing notices go to, names, phone and company; and
/// whether they take the optional notices (<see cref="Notifications.OptionalNotices"/>).
/// </summary>
public sealed record UserProfileView(Guid Id, Guid? BillingAccountId, string Email, string? FirstName, string? LastName, string? Phone, string? Company,
    bool OptionalNotices);

/// <summary>Reads and edits a person's contact details (R-PROFILE); the e-mail stays unique, stored trimmed and in lower case.</summary>
public sealed class UserProfileCommands(PurserStore store, CallerCache callers, TimeProvider clock)
{
    public async Task<Outcome<UserProfileView>> ChangeAsync(Guid userId, UserProfileChange input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var email = input.Email is { } given ? InputRules.NormalEmail(given) : null;
        if (InputRules.First(
                email is null ? null : InputRules.Email(email, "email"),
                InputRules.Optional(input.FirstName, "firstName"),
                InputRules.Optional(input.LastName, "lastName"),
                InputRules.Optional(input.Phone, "phone", 40),
                InputRules.Optional(input.Company, "company")) is { } invalid)
            return invalid;
        await using var db = store.CreateContext();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
            return InputRules.NotFound("User", "userId", userId);
        if (email is not null && email != user.Email)
        {
            if (await db.Users.AnyAsync(u => u.Email == email, ct))
                return new Refusal(RefusalCode.Conflict, $"A user with e-mail '{email}' already exists.", "email");
            user.Email = email;
        }
        user.FirstName = Kept(input.FirstName, user.FirstName);
        user.LastName = Kept(input.LastName, user.LastName);
        user.Phone = Kept(input.Phone, user.Phone);
        user.Company = Kept(input.Company, user.Company);
        if (input.OptionalNotices is { } takes && takes != (user.UnsubscribedAt is null))
            user.UnsubscribedAt = takes ? null : clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        // A cached caller still carries the old e-mail.
        callers.Forget();
        return View(user);
    }

    /// <summary>
    /// Turns optional notices off for the person with this address, as the one-click link in each of them does; answers
    /// whether there is such a person. Unsubscribing twice keeps the first time.
    /// </summary>
    public async Task<bool> UnsubscribeAsync(string email, CancellationToken ct)
    {
        var address = InputRules.NormalEmail(email);
        await using var db = store.CreateContext();
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Users.Where(u => u.Email == address && u.UnsubscribedAt == null).ExecuteUpdateAsync(s => s.SetProperty(u => u.UnsubscribedAt, now), ct) == 1)
            return true;
        return await db.Users.AnyAsync(u => u.Email == address, ct);
    }

    public async Task<UserProfileView?> FindAsync(Guid userId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is null ? null : View(user);
    }

    /// <summary>The people of a billing account, by e-mail: whom a subscription's service administrator may be (R-SUBEDIT).</summary>
    public async Task<IReadOnlyList<UserProfileView>> OfAccountAsync(Guid billingAccountId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var users = await db.Users.AsNoTracking().Where(u => u.BillingAccountId == billingAccountId).OrderBy(u => u.Email).ToListAsync(ct);
        return [.. users.Select(View)];
    }

    private static string? Kept(string? given, string? stored) => given is null ? stored : given.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    private static UserProfileView View(User u) => new(u.Id, u.BillingAccountId, u.Email, u.FirstName, u.LastName, u.Phone, u.Company, u.UnsubscribedAt is null);
}
