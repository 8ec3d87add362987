using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Monetary;

namespace Purser.Core.Tests.Ledger;

public class CreditEventsTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void An_expiry_written_after_later_draws_is_balanced_at_its_own_date()
    {
        var book = new LedgerBuilder(Currency.CNY);
        book.Grant(100m, T0, T0.AddMonths(1));
        book.Grant(50m, T0, T0.AddMonths(6));
        book.Charge("after-expiry", 10m, T0.AddMonths(1).AddDays(1));
        // The sweep runs late: the expiry is dated when the lot expired, before the charge it follows in the journal.
        book.Expire(T0.AddMonths(2));

        var events = CreditEvents.List(book.Ledger, BillingTimeZone.ChinaStandardTime, DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal([CreditEventType.NewCredit, CreditEventType.NewCredit, CreditEventType.PendingExpiredCredit, CreditEventType.PendingCharges],
            events.Select(e => e.EventType));
        Assert.Equal([100m, 150m, 50m, 40m], events.Select(e => e.ClosedBalance.Amount));
    }
}
