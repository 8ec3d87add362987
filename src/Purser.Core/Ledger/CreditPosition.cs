using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>
/// What is left to spend at an instant, for R-DISABLE and the portal overview (R-OVERVIEW):
/// remaining credit in lots still usable, the latest expiration among them, and whether all
/// credit ever granted has expired.
/// </summary>
public sealed record CreditPosition(Money Remaining, DateTimeOffset? LastExpiration, bool AllCreditExpired)
{
    public bool IsExhausted => !Remaining.IsPositive;

    public static CreditPosition Of(CreditLedger ledger, DateTimeOffset now)
    {
        var usable = ledger.Lots
            .Where(l => l.ExpiresAt > now && !ledger.Position(l.Id).HasExpired && ledger.Position(l.Id).Balance.IsPositive)
            .ToList();
        var remaining = usable.Aggregate(Money.Zero(ledger.Currency), (sum, l) => sum + ledger.Position(l.Id).Balance);
        var allExpired = !ledger.Lots.IsEmpty && ledger.Lots.All(l => l.ExpiresAt <= now || ledger.Position(l.Id).HasExpired);
        return new CreditPosition(remaining, usable.Count == 0 ? null : usable.Max(l => l.ExpiresAt), allExpired);
    }

    /// <summary>Whole days until the last usable lot expires, counted in the profile's time zone.</summary>
    public int RemainingDays(Calendar.BillingTimeZone zone, DateTimeOffset now) =>
        LastExpiration is { } last ? Math.Max(0, zone.DayOf(last).DayNumber - zone.DayOf(now).DayNumber) : 0;
}
