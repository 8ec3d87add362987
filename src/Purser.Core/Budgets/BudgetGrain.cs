namespace Purser.Core.Budgets;

/// <summary>
/// The stretch of time a budget's spend is counted over: its time grain (a month, a quarter or a
/// year), repeated from the budget's start date, that holds today. Before the start it is the first
/// grain; after the end, the last.
/// </summary>
public readonly record struct BudgetGrain(DateOnly From, DateOnly Next)
{
    public static int MonthsOf(string timeGrain) => timeGrain switch
    {
        "Monthly" or "BillingMonth" => 1,
        "Quarterly" or "BillingQuarter" => 3,
        _ => 12,
    };

    public static BudgetGrain Holding(DateOnly today, string timeGrain, DateOnly start, DateOnly end)
    {
        var months = MonthsOf(timeGrain);
        var day = today < end ? today : end.AddDays(-1);
        var elapsed = (day.Year - start.Year) * 12 + day.Month - start.Month;
        var from = start.AddMonths(Math.Max(0, elapsed) / months * months);
        return new BudgetGrain(from, from.AddMonths(months));
    }

    /// <summary>Spend so far drawn out in a straight line to the end of the grain; nothing to project before it starts.</summary>
    public decimal Forecast(decimal spent, DateOnly today)
    {
        if (today < From)
            return 0m;
        var elapsedDays = Math.Min(today.DayNumber, Next.DayNumber - 1) - From.DayNumber + 1;
        return spent * (Next.DayNumber - From.DayNumber) / elapsedDays;
    }
}
