using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Accounts;

/// <summary>
/// Portal sign-in with a persisted lockout: the failure count and the lock live on the user row,
/// so a guesser who spreads attempts over several servers meets the same lock.
/// </summary>
public sealed class SignInCommands(PurserStore store, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public async Task<SignInResult> SignInAsync(string email, string password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = InputRules.NormalEmail(email);
        await using var db = store.CreateContext();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == normalized, ct);
        if (user?.PasswordHash is null)
            return new SignInResult(SignInStatus.WrongCredentials, null);
        if (user.LockedUntil > now)
            return Locked(user.LockedUntil.Value);
        var users = db.Users.Where(u => u.Id == user.Id);
        if (AccountCommands.Passwords.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed)
        {
            await users.ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, 0).SetProperty(u => u.LockedUntil, (DateTime?)null), ct);
            return new SignInResult(SignInStatus.SignedIn, AccountCommands.View(user));
        }
        // Counted in SQL, not read-modify-write, so concurrent wrong guesses are each counted.
        await users.ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, u => u.FailedSignIns + 1), ct);
        var until = now + LockoutDuration;
        var locked = await users.Where(u => u.FailedSignIns >= MaxFailures)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, 0).SetProperty(u => u.LockedUntil, until), ct);
        return locked > 0 ? Locked(until) : new SignInResult(SignInStatus.WrongCredentials, null);
    }

    private static SignInResult Locked(DateTime until) => new(SignInStatus.LockedOut, null, new DateTimeOffset(until, TimeSpan.Zero));
}
