namespace Purser.Core.Alerts;

/// <summary>
/// R-ALERT's expiring-credit notice: a lot with credit left is announced when 30 profile-local days
/// or fewer are left before the day it expires, and again at 7 or fewer. A lot first seen inside
/// 7 days gets only the later notice; a day counts whole, so the notice goes out on the local day.
/// </summary>
public static class CreditExpiryNotice
{
    public static readonly IReadOnlyList<int> Stages = [30, 7];

    /// <summary>The notice due on <paramref name="today"/> for a lot expiring on <paramref name="expiresOn"/>: 30, 7, or null before 30 and from the expiry day.</summary>
    public static int? Stage(DateOnly today, DateOnly expiresOn)
    {
        var left = expiresOn.DayNumber - today.DayNumber;
        return left <= 0 ? null : Stages.Where(s => left <= s).Select(s => (int?)s).LastOrDefault();
    }
}
