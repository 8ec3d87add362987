using System.Collections.Immutable;
using Purser.Core.Calendar;
using Purser.Core.Invoicing;
using Purser.Core.Licensing;

namespace Purser.Core.Tests.Licensing;

/// <summary>
/// A license subscription's closes held one after another, the way the billing run holds them:
/// each bills <see cref="LicenseBilling.Due"/> for the subscription as known at that close, given
/// every line billed before, and appends what it billed.
/// </summary>
internal sealed class CloseRun
{
    private readonly List<LineItem> billed = [];
    private readonly List<(DateOnly BillingDate, int Close, LineItem Line)> history = [];

    public IReadOnlyList<LineItem> Billed => billed;

    /// <summary>Every line billed, with the billing date and index of the close that billed it.</summary>
    public IReadOnlyList<(DateOnly BillingDate, int Close, LineItem Line)> History => history;

    public int Closes { get; private set; }

    /// <summary>Holds the close on <paramref name="billingDate"/>; a subscription not yet known bills nothing.</summary>
    public ImmutableArray<LineItem> Close(DateOnly billingDate, LicenseSubscription? known)
    {
        var due = known is null ? [] : LicenseBilling.Due(known, billingDate, billed);
        billed.AddRange(due);
        history.AddRange(due.Select(l => (billingDate, Closes, l)));
        Closes++;
        // Nothing is billed twice: the same close again, with the same knowledge, bills nothing.
        if (known is not null)
            Assert.Empty(LicenseBilling.Due(known, billingDate, billed));
        return due;
    }

    /// <summary>
    /// The sum of the lines dated within each of the subscription's periods. Every line must lie
    /// inside one period; periods with no line are absent.
    /// </summary>
    public static Dictionary<BillingPeriod, decimal> SumsByPeriod(LicenseSubscription subscription, IEnumerable<LineItem> lines)
    {
        var sums = new Dictionary<BillingPeriod, decimal>();
        foreach (var line in lines)
        {
            var period = subscription.Periods().First(p => p.End >= line.Dates.Start);
            Assert.True(period.Contains(line.Dates.Start) && period.Contains(line.Dates.End), $"{line} is not dated within one period (nearest {period}).");
            sums[period] = sums.GetValueOrDefault(period) + line.Amount.Amount;
        }
        return sums;
    }

    /// <summary>Equal sums period by period, a period missing on one side counting as zero.</summary>
    public static void AssertSameSums(Dictionary<BillingPeriod, decimal> expected, Dictionary<BillingPeriod, decimal> actual)
    {
        foreach (var period in expected.Keys.Union(actual.Keys).OrderBy(p => p.Start))
            Assert.True(expected.GetValueOrDefault(period) == actual.GetValueOrDefault(period),
                $"Period {period}: expected {expected.GetValueOrDefault(period)}, billed {actual.GetValueOrDefault(period)}.");
    }
}
