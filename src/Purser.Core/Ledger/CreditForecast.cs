using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>
/// R-OVERVIEW: the day remaining credit runs out if usage goes on at the recent rate. The rate is
/// the average daily cost of the complete days given (today is still running, so it is left out);
/// from tomorrow on each day spends that rate, and credit runs out on the first day whose running
/// total reaches what remains. No recent usage means no forecast; credit that expires before that
/// day says so, because expiry, not usage, then ends it.
/// </summary>
public sealed record CreditForecast(DateOnly? RunsOutOn, Money DailyRate, int BasisDays, bool ExpiresFirst)
{
    /// <summary>
    /// The days a rate is taken from: the complete days (before today) since the subscription's
    /// first local day. Days before it existed spent nothing because it was not there, not
    /// because usage was low, so counting them would stretch the forecast.
    /// </summary>
    public static IReadOnlyList<Money> Basis(IEnumerable<(DateOnly Day, Money Cost)> days, DateOnly firstDay, DateOnly today) =>
        [.. days.Where(d => d.Day >= firstDay && d.Day < today).Select(d => d.Cost)];

    public static CreditForecast Of(Money remaining, IReadOnlyList<Money> completeDayCosts, DateOnly today, DateOnly? expiresOn)
    {
        ArgumentNullException.ThrowIfNull(completeDayCosts);
        var zero = Money.Zero(remaining.Currency);
        if (completeDayCosts.Count == 0)
            return new CreditForecast(null, zero, 0, false);
        var total = completeDayCosts.Aggregate(zero, (sum, day) => sum + day);
        var rate = total / completeDayCosts.Count;
        if (!remaining.IsPositive)
            return new CreditForecast(today, rate.RoundAsCharge(), completeDayCosts.Count, false);
        if (!rate.IsPositive)
            return new CreditForecast(null, zero, completeDayCosts.Count, false);
        var days = (int)Math.Min(decimal.Ceiling(remaining.Amount / rate.Amount), DateOnly.MaxValue.DayNumber - today.DayNumber);
        var runsOut = today.AddDays(days);
        return new CreditForecast(runsOut, rate.RoundAsCharge(), completeDayCosts.Count, expiresOn is { } expiry && expiry < runsOut);
    }
}
