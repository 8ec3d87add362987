using Purser.Core.Ledger;
using Purser.Core.Monetary;

namespace Purser.Core.Tests.Ledger;

public class CreditCoverTests
{
    private static readonly DateTimeOffset T0 = new(2019, 9, 1, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Cover_is_what_a_charges_draws_took_over_every_lot_and_a_refund_does_not_change_it()
    {
        var book = new LedgerBuilder(Currency.CNY);
        book.Grant(30m, T0, T0.AddMonths(1));
        book.Grant(100m, T0, T0.AddMonths(12));
        book.Charge("c1", 50m, T0.AddDays(1));
        book.Charge("c2", 70m, T0.AddDays(2));
        book.Charge("c3", 20m, T0.AddDays(3), eligible: false);
        book.Refund("r1", "c1", 15m, T0.AddDays(4));

        var byCharge = CreditCover.ByCharge(book.Ledger.Entries, Currency.CNY);

        Assert.Equal(book.M(50m), book.Ledger.CoveredByCredit("c1"));
        Assert.Equal(book.M(70m), book.Ledger.CoveredByCredit("c2"));
        Assert.Equal(book.M(0m), book.Ledger.CoveredByCredit("c3"));
        Assert.Equal([("c1", book.M(50m)), ("c2", book.M(70m))], byCharge.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(book.M(120m), CreditCover.Of(book.Ledger.Entries, Currency.CNY));
    }
}
