using System.ComponentModel.DataAnnotations;
using Purser.Core;
using Purser.Engine.Storage;

namespace Purser.Engine.Consumption;

/// <summary>The operator's switch of a budget's stop action, naming the budget by its ARM id.</summary>
public sealed record NewBudgetStopAction([property: Required] string? BudgetId, [property: Required] bool? Stop);

/// <summary>A budget's stop action as it now stands: whether it is on, and whether it stops its scope's usage now.</summary>
public sealed record BudgetStopActionView(string BudgetId, bool Stop, bool Stopped, decimal Amount, string Currency);

/// <summary>
/// Turns a budget's stop action on or off (default off; kept beside the ARM budget so its ARM shape stays Azure's) and
/// decides at once, in the same transaction, whether the budget now stops its scope: turning it off restores usage.
/// </summary>
public sealed class BudgetStopActions(PurserStore store, TimeProvider clock)
{
    public async Task<Outcome<BudgetStopActionView>> SetAsync(NewBudgetStopAction input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.BudgetId is not { Length: <= 1000 } budgetId || BudgetStops.ParseId(budgetId) is not var (path, name))
            return new Refusal(RefusalCode.InvalidField, "'budgetId' is the ARM id of a budget: <scope>/providers/Microsoft.Consumption/budgets/<name>.", "budgetId");
        if (input.Stop is not { } stop)
            return new Refusal(RefusalCode.MissingField, "'stop' is required.", "stop");
        return await TransientConflicts.RetryAsync(() => SetOnceAsync(budgetId, path, name, stop, ct));
    }

    private async Task<Outcome<BudgetStopActionView>> SetOnceAsync(string budgetId, string path, string name, bool stop, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BudgetLocks.NamedAsync(db, path, name, ct);
        if (await BudgetStops.FindAsync(db, path, name, ct) is not var (budget, scope))
            return new Refusal(RefusalCode.NotFound, $"Budget '{budgetId}' was not found.", "budgetId");
        budget.StopAction = stop;
        await BudgetStops.ReviewAsync(db, budget, scope, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var unit = (await ScopeTerms.OfAsync(db, scope, ct)).Currency;
        return new BudgetStopActionView(BudgetStops.IdOf(budget), budget.StopAction, budget.StoppedFrom is not null, budget.Amount, unit);
    }
}
