using Purser.Core.Alerts;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Core.Tests.Ledger;

namespace Purser.Core.Tests.Alerts;

public class CreditAlertsTests
{
    private static readonly DateTimeOffset Now = new(2019, 9, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static Money Cny(decimal amount) => new(amount, Currency.CNY);

    [Theory]
    [InlineData(false, 250, null)]
    [InlineData(false, 200, null)]
    [InlineData(false, 199.99, AlertTurn.Fired)]
    [InlineData(true, 150, null)]
    [InlineData(true, 199.99, null)]
    [InlineData(true, 200, AlertTurn.Recovered)]
    [InlineData(true, 1200, AlertTurn.Recovered)]
    public void An_alert_fires_below_its_level_and_recovers_at_or_above_it(bool fired, decimal balance, AlertTurn? expected) =>
        Assert.Equal(expected, CreditAlerts.Turn(Cny(200m), fired, Cny(balance)));

    [Fact]
    public void A_level_of_zero_never_fires() =>
        Assert.Null(CreditAlerts.Turn(Cny(0m), fired: false, Cny(0m)));

    [Fact]
    public void A_percentage_is_of_the_newest_lot_rounded_down_to_the_minor_unit_and_an_amount_is_itself()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var percent = new CreditAlertThreshold(AlertBasis.PercentOfLastTopUp, 20m);
        var amount = new CreditAlertThreshold(AlertBasis.Amount, 150m);
        Assert.Equal(Cny(0m), percent.LevelIn(book.Ledger));

        book.Grant(1000m, Now, Now.AddYears(1));
        book.Grant(333.33m, Now.AddDays(1), Now.AddYears(1));
        Assert.Equal(Cny(66.66m), percent.LevelIn(book.Ledger));
        Assert.Equal(Cny(150m), amount.LevelIn(book.Ledger));
        Assert.Equal([new(AlertBasis.PercentOfLastTopUp, 20m), new(AlertBasis.PercentOfLastTopUp, 5m)], CreditAlertThreshold.Defaults);
    }

    [Fact]
    public void The_defaults_walk_down_a_top_up_recover_after_the_next_and_fire_again()
    {
        var book = new LedgerBuilder(Currency.CNY);
        var fired = new bool[CreditAlertThreshold.Defaults.Count];
        var heard = new List<string>();
        void Step(string label)
        {
            var balance = CreditPosition.Of(book.Ledger, Now.AddDays(2)).Remaining;
            for (var i = 0; i < fired.Length; i++)
            {
                var threshold = CreditAlertThreshold.Defaults[i];
                if (CreditAlerts.Turn(threshold.LevelIn(book.Ledger), fired[i], balance) is not { } turn)
                    continue;
                fired[i] = turn == AlertTurn.Fired;
                heard.Add($"{label}: {threshold.Value}% {turn}");
            }
        }

        book.Grant(1000m, Now, Now.AddYears(1));
        Step("top-up");
        book.Charge("a", 100m, Now);
        Step("900");
        book.Charge("b", 750m, Now);
        Step("150");
        book.Charge("c", 110m, Now);
        Step("40");
        book.Charge("d", 10m, Now);
        Step("30");
        book.Grant(500m, Now, Now.AddYears(1));
        Step("530");
        book.Charge("e", 440m, Now);
        Step("90");

        Assert.Equal(["150: 20% Fired", "40: 5% Fired", "530: 20% Recovered", "530: 5% Recovered", "90: 20% Fired"], heard);
    }
}
