using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Monetary;

namespace Purser.Core.Tests.Ledger;

public class ExpiryAndStatusTests
{
    private static readonly DateTimeOffset T0 = new(2017, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private static LotStatus StatusAt(LedgerBuilder book, Guid lot, DateTimeOffset now) =>
        LotSummary.StatusOf(book.Ledger.Lot(lot), book.Ledger.Position(lot), now);

    [Fact]
    public void Expiry_writes_off_the_remaining_balance_once_as_pending_expired_credit()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var lot = book.Grant(100m, T0, T0.AddMonths(12));
        book.Charge("c1", 30m, T0.AddDays(1));

        Assert.True(book.Expire(T0.AddMonths(12).AddSeconds(-1)).IsEmpty);
        var expiry = Assert.Single(book.Expire(T0.AddMonths(12)).Entries);
        Assert.True(book.Expire(T0.AddMonths(13)).IsEmpty);

        Assert.Equal(book.M(-70m), expiry.Amount);
        Assert.Equal(book.M(0m), book.Balance(lot));
        var summary = BalanceSummary.Of(book.Ledger);
        Assert.Equal(book.M(70m), summary.ExpiredCredit);
        Assert.Equal(book.M(0m), summary.EstimatedBalance);
        Assert.Equal(LotStatus.Expired, StatusAt(book, lot, T0.AddMonths(13)));
    }

    [Fact]
    public void Settled_expiry_moves_from_expired_credit_into_the_current_balance()
    {
        var book = new LedgerBuilder(Currency.CNY);
        book.Grant(100m, T0, T0.AddMonths(1));
        book.Expire(T0.AddMonths(1));

        book.Settle("INV-1", T0.AddMonths(2));

        var summary = BalanceSummary.Of(book.Ledger);
        Assert.Equal(book.M(0m), summary.CurrentBalance);
        Assert.Equal(book.M(0m), summary.ExpiredCredit);
        Assert.Equal(CreditEventType.CreditExpired, CreditEvents.List(book.Ledger, BillingTimeZone.ChinaStandardTime, DateOnly.MinValue, DateOnly.MaxValue)[^1].EventType);
    }

    [Fact]
    public void Status_moves_from_active_to_expiring_within_30_days_of_expiry()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var expires = T0.AddMonths(12);
        var lot = book.Grant(100m, T0, expires);

        Assert.Equal(LotStatus.Active, StatusAt(book, lot, expires.AddDays(-30).AddTicks(-1)));
        Assert.Equal(LotStatus.Expiring, StatusAt(book, lot, expires.AddDays(-30)));
        Assert.Equal(LotStatus.Expiring, StatusAt(book, lot, expires.AddTicks(-1)));
        Assert.Equal(LotStatus.Expired, StatusAt(book, lot, expires));
    }

    [Fact]
    public void A_lot_drawn_to_zero_is_used()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var lot = book.Grant(100m, T0, T0.AddMonths(12));
        book.Charge("c1", 100m, T0.AddDays(1));

        Assert.Equal(LotStatus.Used, StatusAt(book, lot, T0.AddDays(2)));
        Assert.Equal(LotStatus.Used, StatusAt(book, lot, T0.AddMonths(13)));
    }

    [Fact]
    public void Credit_position_counts_only_usable_credit_and_notices_when_all_of_it_expired()
    {
        var book = new LedgerBuilder(Currency.CNY);
        book.Grant(100m, T0, T0.AddMonths(1));
        book.Grant(50m, T0, T0.AddMonths(2));

        var early = CreditPosition.Of(book.Ledger, T0.AddDays(40));
        var late = CreditPosition.Of(book.Ledger, T0.AddMonths(2));

        Assert.Equal(book.M(50m), early.Remaining);
        Assert.Equal(T0.AddMonths(2), early.LastExpiration);
        Assert.False(early.AllCreditExpired);
        Assert.True(late.IsExhausted);
        Assert.True(late.AllCreditExpired);
    }
}
