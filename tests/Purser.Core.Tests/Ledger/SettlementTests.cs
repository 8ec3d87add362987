using Purser.Core.Ledger;
using Purser.Core.Monetary;

namespace Purser.Core.Tests.Ledger;

public class SettlementTests
{
    private static readonly DateTimeOffset T0 = new(2019, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PeriodEnds = T0.AddMonths(1);

    [Fact]
    public void An_invoice_settles_the_draws_of_the_charges_it_bills_even_when_rated_after_the_period()
    {
        var book = new LedgerBuilder(Currency.CNY);
        book.Grant(1000m, T0, T0.AddYears(1));
        // The period's last day, rated after midnight; and the next period's first usage, rated in the same pass.
        book.Charge("usage:last-day", 30m, PeriodEnds.AddHours(1));
        book.Charge("usage:next-period", 20m, PeriodEnds.AddHours(1));

        var settled = new SettleInvoice("INV-9", PeriodEnds, new HashSet<string>(StringComparer.Ordinal) { "usage:last-day" }).Decide(book.Ledger).Value;
        book.Apply(settled);

        Assert.Equal(["usage:last-day"], settled.Entries.Select(e => e.ChargeKey));
        Assert.Equal(-20m, BalanceSummary.Of(book.Ledger).PendingEligibleCharges.Amount);
        Assert.Equal(970m, BalanceSummary.Of(book.Ledger).CurrentBalance.Amount);
    }

    [Fact]
    public void Movements_of_no_charge_settle_by_date_alongside_the_invoiced_charges()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var lot = book.Grant(100m, T0, T0.AddDays(10));
        book.Expire(T0.AddDays(11));
        book.Charge("usage:later", 5m, PeriodEnds.AddDays(2));

        var settled = new SettleInvoice("INV-10", PeriodEnds, new HashSet<string>(StringComparer.Ordinal)).Decide(book.Ledger).Value;

        Assert.Equal([EntryKind.Expiry], settled.Entries.Select(e => e.Kind));
        Assert.Equal(lot, settled.Entries.Single().LotId);
    }
}
