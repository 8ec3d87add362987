using Purser.Core.Calendar;

namespace Purser.Server.Tests.MonthClose;

/// <summary>Checks of reconciliation rows against lines written out by hand.</summary>
internal static class ReconChecks
{
    /// <summary>The rows of <paramref name="subscription"/> are exactly <paramref name="expected"/>, in order, each billed on <paramref name="invoiceNumber"/>.</summary>
    public static void Rows(IEnumerable<ReconRow> rows, Guid subscription, string invoiceNumber, params Line[] expected)
    {
        var mine = rows.Where(r => r.SubscriptionId == subscription.ToString()).ToList();
        Assert.Equal(expected, mine.Select(r => r.Line));
        Assert.All(mine, r =>
        {
            Assert.Equal(PartnerWorld.PartnerId, r.PartnerId);
            Assert.Equal("USD", r.Currency);
            Assert.Equal(invoiceNumber, r.InvoiceNumber);
            Assert.Equal("Fabrikam Customer", r.Customer);
            Assert.NotEmpty(r.OrderId);
        });
    }

    /// <summary>
    /// What was billed for each service period (a billing period of days 15–14), whichever invoice
    /// billed it, keyed by the period's start; periods that come to nothing are left out. Every line
    /// lies inside one period.
    /// </summary>
    public static SortedDictionary<DateOnly, decimal> ByServicePeriod(IEnumerable<Line> lines)
    {
        var calendar = AnniversaryCalendar.OnDay(15);
        var sums = new SortedDictionary<DateOnly, decimal>();
        foreach (var line in lines)
        {
            var period = calendar.PeriodContaining(line.Start);
            Assert.True(line.End <= period.End, $"{line} runs past its service period {period}");
            sums[period.Start] = sums.GetValueOrDefault(period.Start) + line.Amount;
        }
        foreach (var empty in sums.Where(s => s.Value == 0m).Select(s => s.Key).ToList())
            sums.Remove(empty);
        return sums;
    }

    /// <summary>Each service period ends billed exactly what billing on time gave it (R-LATE).</summary>
    public static void SameByServicePeriod(IEnumerable<Line> onTime, IEnumerable<ReconRow> late, Guid subscription) =>
        Assert.Equal(ByServicePeriod(onTime), ByServicePeriod(late.Where(r => r.SubscriptionId == subscription.ToString()).Select(r => r.Line)));
}
