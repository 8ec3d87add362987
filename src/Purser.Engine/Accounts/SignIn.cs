namespace Purser.Engine.Accounts;

public enum SignInStatus
{
    SignedIn,
    WrongCredentials,
    LockedOut,
}

/// <summary>What a portal sign-in came to; the user only when signed in.</summary>
public sealed record SignInResult(SignInStatus Status, UserView? User, DateTimeOffset? LockedUntil = null);
