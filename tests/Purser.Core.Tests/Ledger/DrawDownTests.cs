using Purser.Core.Ledger;
using Purser.Core.Monetary;

namespace Purser.Core.Tests.Ledger;

public class DrawDownTests
{
    private static readonly DateTimeOffset T0 = new(2017, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Earliest_expiration_is_drawn_first_whatever_the_creation_order()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var late = book.Grant(100m, T0, T0.AddMonths(12));
        var early = book.Grant(100m, T0, T0.AddMonths(6));

        book.Charge("c1", 30m, T0.AddDays(1));

        Assert.Equal(book.M(70m), book.Balance(early));
        Assert.Equal(book.M(100m), book.Balance(late));
    }

    [Fact]
    public void On_equal_expiration_the_earliest_start_is_drawn_first()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var laterStart = book.Grant(100m, T0.AddDays(2), T0.AddMonths(12));
        var earlierStart = book.Grant(100m, T0, T0.AddMonths(12));

        book.Charge("c1", 30m, T0.AddDays(3));

        Assert.Equal(book.M(70m), book.Balance(earlierStart));
        Assert.Equal(book.M(100m), book.Balance(laterStart));
    }

    [Fact]
    public void A_charge_spills_over_lots_and_leaves_the_rest_due_without_going_below_zero()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var first = book.Grant(100m, T0, T0.AddMonths(6));
        var second = book.Grant(50m, T0, T0.AddMonths(12));

        var drawn = book.Charge("c1", 180.55m, T0.AddDays(1));

        Assert.Equal(book.M(0m), book.Balance(first));
        Assert.Equal(book.M(0m), book.Balance(second));
        Assert.Equal(book.M(150m), drawn.CoveredByCredit);
        Assert.Equal(book.M(30.55m), drawn.AmountDue);
        Assert.Equal(2, drawn.Change.Entries.Length);
    }

    [Fact]
    public void Credit_ineligible_products_are_always_charged_in_full()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var lot = book.Grant(1000m, T0, T0.AddMonths(12));

        var drawn = book.Charge("marketplace", 25m, T0.AddDays(1), eligible: false);

        Assert.Equal(book.M(25m), drawn.AmountDue);
        Assert.True(drawn.CoveredByCredit.IsZero);
        Assert.Empty(drawn.Change.Entries);
        Assert.Equal(book.M(1000m), book.Balance(lot));
    }

    [Fact]
    public void Credit_not_yet_started_or_already_expired_is_not_drawn()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var expired = book.Grant(100m, T0, T0.AddDays(10));
        var future = book.Grant(100m, T0.AddDays(30), T0.AddMonths(12));

        var drawn = book.Charge("c1", 40m, T0.AddDays(20));

        Assert.Equal(book.M(40m), drawn.AmountDue);
        Assert.Equal(book.M(100m), book.Balance(expired));
        Assert.Equal(book.M(100m), book.Balance(future));
    }

    [Fact]
    public void Replaying_a_charge_returns_the_first_result_and_draws_nothing_more()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var lot = book.Grant(100m, T0, T0.AddMonths(12));
        book.Charge("event-42", 60m, T0.AddDays(1));

        var replay = book.Charge("event-42", 60m, T0.AddDays(1));

        Assert.True(replay.Change.Replayed);
        Assert.Equal(book.M(60m), replay.CoveredByCredit);
        Assert.Equal(book.M(40m), book.Balance(lot));
    }

    [Theory]
    [InlineData(0, "CNY", "AmountNotPositive")]
    [InlineData(-5, "CNY", "AmountNotPositive")]
    [InlineData(1.005, "CNY", "AmountNotInMinorUnits")]
    [InlineData(10, "USD", "CurrencyMismatch")]
    public void Malformed_charges_are_refused(decimal amount, string currency, string code)
    {
        var book = new LedgerBuilder(Currency.CNY);
        book.Grant(100m, T0, T0.AddMonths(12));

        var outcome = new DrawCharge("bad", new Money(amount, Currency.Parse(currency)), true, T0, "bad").Decide(book.Ledger);

        Assert.Equal(code, outcome.Refusal?.Code.Code);
    }
}
