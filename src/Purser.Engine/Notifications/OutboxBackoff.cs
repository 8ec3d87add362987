namespace Purser.Engine.Notifications;

/// <summary>
/// How long a failed message waits before its next attempt: 30 seconds doubled with each failure,
/// at most an hour. An e-mail is never given up on: an SMTP server down for a day still gets it.
/// </summary>
public static class OutboxBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public static TimeSpan After(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        // 2^7 × 30 s already passes the hour; capping the exponent keeps the shift from overflowing.
        var wait = First * (1L << Math.Min(failures - 1, 7));
        return wait < Longest ? wait : Longest;
    }
}
