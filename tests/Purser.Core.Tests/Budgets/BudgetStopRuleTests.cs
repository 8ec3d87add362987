using Purser.Core.Budgets;
using Purser.Core.Monetary;

namespace Purser.Core.Tests.Budgets;

/// <summary>Budgets that act (issue 12): when a budget with the stop action stops its scope and when it lets go, to the cent.</summary>
public class BudgetStopRuleTests
{
    private static readonly Currency Cny = Currency.Parse("CNY");
    private static readonly BudgetGrain October = BudgetGrain.Holding(new DateOnly(2019, 10, 31), "Monthly", new DateOnly(2019, 10, 1), new DateOnly(2029, 10, 1));
    private static readonly BudgetGrain November = BudgetGrain.Holding(new DateOnly(2019, 11, 1), "Monthly", new DateOnly(2019, 10, 1), new DateOnly(2029, 10, 1));

    private static Money Cny_(decimal amount) => new(amount, Cny);

    [Theory]
    // Spend exactly at the amount stops; a cent below does not.
    [InlineData(true, "100.00", "100.00", null, BudgetStep.Stopped)]
    [InlineData(true, "100.00", "99.99", null, BudgetStep.Unchanged)]
    // Stopped in this grain already: no second stop.
    [InlineData(true, "100.00", "150.00", "2019-10-01", BudgetStep.Unchanged)]
    // Raised to exactly the spend still stops; a cent above lets go.
    [InlineData(true, "150.00", "150.00", "2019-10-01", BudgetStep.Unchanged)]
    [InlineData(true, "150.01", "150.00", "2019-10-01", BudgetStep.Restored)]
    // The action turned off lets go, and never stops.
    [InlineData(false, "100.00", "150.00", "2019-10-01", BudgetStep.Restored)]
    [InlineData(false, "100.00", "150.00", null, BudgetStep.Unchanged)]
    // Stopped in an earlier grain and over again in this one: a new stop of this grain.
    [InlineData(true, "100.00", "100.00", "2019-09-01", BudgetStep.Stopped)]
    // Stopped in an earlier grain, below in this one: it lets go.
    [InlineData(true, "100.00", "0.00", "2019-09-01", BudgetStep.Restored)]
    public void The_step_follows_the_spend_of_the_grain_holding_today(bool stopAction, string amount, string spent, string? stoppedFrom, BudgetStep expected)
    {
        var from = stoppedFrom is null ? (DateOnly?)null : DateOnly.Parse(stoppedFrom, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, BudgetStopRule.Decide(stopAction, Cny_(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)),
            Cny_(decimal.Parse(spent, System.Globalization.CultureInfo.InvariantCulture)), October, from));
    }

    [Fact]
    public void A_stop_holds_only_in_its_grain_and_only_while_the_action_is_on()
    {
        var stopped = October.From;
        Assert.True(BudgetStopRule.StopsNow(true, October, stopped));
        Assert.False(BudgetStopRule.StopsNow(true, November, stopped));
        Assert.False(BudgetStopRule.StopsNow(false, October, stopped));
        Assert.False(BudgetStopRule.StopsNow(true, October, null));
    }

    [Fact]
    public void The_last_local_day_of_a_month_is_its_grain_and_the_first_of_the_next_is_the_next()
    {
        Assert.Equal((new DateOnly(2019, 10, 1), new DateOnly(2019, 11, 1)), (October.From, October.Next));
        Assert.Equal((new DateOnly(2019, 11, 1), new DateOnly(2019, 12, 1)), (November.From, November.Next));
        var quarter = BudgetGrain.Holding(new DateOnly(2020, 3, 31), "Quarterly", new DateOnly(2019, 10, 1), new DateOnly(2029, 10, 1));
        Assert.Equal((new DateOnly(2020, 1, 1), new DateOnly(2020, 4, 1)), (quarter.From, quarter.Next));
        // Past the end date the last grain holds; before the start, the first.
        var after = BudgetGrain.Holding(new DateOnly(2021, 5, 5), "Monthly", new DateOnly(2019, 10, 1), new DateOnly(2020, 1, 1));
        Assert.Equal(new DateOnly(2019, 12, 1), after.From);
        Assert.Equal(new DateOnly(2019, 10, 1), BudgetGrain.Holding(new DateOnly(2019, 9, 1), "Monthly", new DateOnly(2019, 10, 1), new DateOnly(2020, 1, 1)).From);
    }
}
