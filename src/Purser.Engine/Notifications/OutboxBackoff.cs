namespace Purser.Engine.Notifications;

/// <summary>
/// The retry policy of everything the outbox sends, e-mail and webhook deliveries alike: a failed attempt waits 30 seconds
/// doubled with each failure, at most an hour, and a message still failing three days after it was written is given up
/// (well past the day an SMTP server's or a receiver's outage commonly lasts); it then waits for an operator to send it
/// again, and no longer counts as backlog.
/// </summary>
public static class OutboxBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(3);

    public static TimeSpan After(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        // 2^7 × 30 s already passes the hour; capping the exponent keeps the shift from overflowing.
        var wait = First * (1L << Math.Min(failures - 1, 7));
        return wait < Longest ? wait : Longest;
    }

    /// <summary>Whether a message written at <paramref name="createdAt"/> is given up rather than tried again at <paramref name="nextAttempt"/>.</summary>
    public static bool GivesUp(DateTime createdAt, DateTime nextAttempt) => nextAttempt > createdAt + GiveUpAfter;
}
