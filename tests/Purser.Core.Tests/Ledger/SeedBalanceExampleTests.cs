using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Monetary;

namespace Purser.Core.Tests.Ledger;

/// <summary>The credit balance example of seed 004 (R-BAL, R-LOTS, R-EVENTS).</summary>
public class SeedBalanceExampleTests
{
    private static readonly DateTimeOffset Granted = new(2019, 9, 18, 21, 47, 31, TimeSpan.Zero);
    private static readonly DateTimeOffset Expires = Granted.AddYears(1);

    private static (LedgerBuilder Book, Guid First, Guid Second) SeedLedger()
    {
        var book = new LedgerBuilder(Currency.USD);
        var first = book.Grant(500.00m, Granted, Expires);
        var second = book.Grant(500.00m, Granted, Expires);
        book.Charge("usage-september", 2.13m, new DateTimeOffset(2019, 9, 25, 0, 0, 0, TimeSpan.Zero));
        book.Settle("G000000001", new DateTimeOffset(2019, 10, 1, 0, 0, 0, TimeSpan.Zero));
        book.Charge("usage-october", 1.74m, new DateTimeOffset(2019, 10, 11, 0, 0, 0, TimeSpan.Zero));
        return (book, first, second);
    }

    [Fact]
    public void Balance_summary_matches_the_seed()
    {
        var (book, _, _) = SeedLedger();

        var summary = BalanceSummary.Of(book.Ledger);

        Assert.Equal(book.M(997.87m), summary.CurrentBalance);
        Assert.Equal(book.M(-1.74m), summary.PendingEligibleCharges);
        Assert.Equal(book.M(0m), summary.PendingCreditAdjustments);
        Assert.Equal(book.M(0m), summary.ExpiredCredit);
        Assert.Equal(book.M(996.13m), summary.EstimatedBalance);
    }

    [Fact]
    public void Lots_show_the_closed_balance_of_the_last_invoice()
    {
        var (book, first, second) = SeedLedger();
        var now = new DateTimeOffset(2019, 10, 11, 12, 0, 0, TimeSpan.Zero);

        var lots = book.Ledger.LotSummaries(now).ToList();

        // The lot created first is drawn first when expiry and start tie.
        Assert.Equal(book.M(497.87m), lots.Single(l => l.Lot.Id == first).ClosedBalance);
        Assert.Equal(book.M(496.13m), lots.Single(l => l.Lot.Id == first).CurrentBalance);
        Assert.Equal(book.M(500.00m), lots.Single(l => l.Lot.Id == second).ClosedBalance);
        Assert.All(lots, l => Assert.Equal(book.M(500.00m), l.Lot.OriginalAmount));
        Assert.All(lots, l => Assert.Equal(LotStatus.Active, l.Status));
    }

    [Fact]
    public void Events_carry_a_running_closed_balance_and_invoice_numbers_once_settled()
    {
        var (book, _, _) = SeedLedger();

        var events = CreditEvents.List(book.Ledger, BillingTimeZone.Utc, new DateOnly(2019, 9, 18), new DateOnly(2019, 11, 18));

        Assert.Equal([500.00m, 1000.00m, 997.87m, 996.13m], events.Select(e => e.ClosedBalance.Amount));
        Assert.Equal(
            [CreditEventType.NewCredit, CreditEventType.NewCredit, CreditEventType.SettledCharges, CreditEventType.PendingCharges],
            events.Select(e => e.EventType));
        Assert.Equal(["", "", "G000000001", ""], events.Select(e => e.InvoiceNumber));
        Assert.Equal(book.M(-1.74m), events[^1].Charges);
        Assert.Equal(book.M(500.00m), events[0].NewCredit);
        Assert.Equal(BalanceSummary.Of(book.Ledger).EstimatedBalance, events[^1].ClosedBalance);
    }

    [Fact]
    public void The_date_range_filters_events_without_changing_running_balances()
    {
        var (book, _, _) = SeedLedger();

        var october = CreditEvents.List(book.Ledger, BillingTimeZone.Utc, new DateOnly(2019, 10, 1), new DateOnly(2019, 11, 18));

        var only = Assert.Single(october);
        Assert.Equal(book.M(996.13m), only.ClosedBalance);
    }
}
