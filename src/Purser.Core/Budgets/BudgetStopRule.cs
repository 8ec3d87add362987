using Purser.Core.Monetary;

namespace Purser.Core.Budgets;

/// <summary>The step a budget with the stop action takes when its spend or its terms change.</summary>
public enum BudgetStep
{
    Unchanged,

    /// <summary>Its spend reached its amount in this grain: its scope's usage stops (once per grain).</summary>
    Stopped,

    /// <summary>A stop ends: the budget was raised above its spend, its action turned off, or the grain it stopped in rolled over.</summary>
    Restored,
}

/// <summary>
/// Budgets that act (issue 12): a budget whose stop action is on stops its scope once the spend of the grain holding today
/// reaches its amount, and lets go when that is no longer so. <c>stoppedFrom</c> is the first day of the grain it
/// stopped in, or null when it does not stop; the Engine keeps it beside the budget.
/// </summary>
public static class BudgetStopRule
{
    public static BudgetStep Decide(bool stopAction, Money amount, Money spent, BudgetGrain grain, DateOnly? stoppedFrom)
    {
        var stops = stopAction && spent >= amount;
        if (stops && stoppedFrom != grain.From)
            return BudgetStep.Stopped;
        return !stops && stoppedFrom is not null ? BudgetStep.Restored : BudgetStep.Unchanged;
    }

    /// <summary>Whether a budget stops its scope's usage now: it stopped in the grain that holds now, with its action still on.</summary>
    public static bool StopsNow(bool stopAction, BudgetGrain grain, DateOnly? stoppedFrom) => stopAction && stoppedFrom == grain.From;
}
