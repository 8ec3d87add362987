using Microsoft.EntityFrameworkCore;
using Purser.Core.Budgets;
using Purser.Engine.Storage;

namespace Purser.Engine.Consumption;

/// <summary>
/// Stopped budgets whose grain has rolled over, reviewed without waiting for usage. The entitlement lets go of such a
/// budget by itself, but its restore step (and the notice that usage may go on) is otherwise written only by the next
/// rating pass of its scope, which a scope that uses nothing after the turn of the month never has.
/// </summary>
public sealed class BudgetRollovers(PurserStore store, TimeProvider clock)
{
    /// <summary>Reviews each budget stopped in a grain that no longer holds; returns how many took a step.</summary>
    public async Task<int> ReviewDueAsync(CancellationToken ct)
    {
        List<Guid> stopped;
        await using (var db = store.CreateContext())
            stopped = await db.Budgets.AsNoTracking().Where(b => b.StoppedFrom != null).OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(ct);
        var steps = 0;
        foreach (var id in stopped)
        {
            if (await TransientConflicts.RetryAsync(() => ReviewAsync(id, ct)) != BudgetStep.Unchanged)
                steps++;
        }
        return steps;
    }

    // A rating pass or a budget write may take the step first: the row lock makes this wait for it and read what it wrote.
    private async Task<BudgetStep> ReviewAsync(Guid budgetId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BudgetLocks.OneAsync(db, budgetId, ct);
        var budget = await db.Budgets.FirstOrDefaultAsync(b => b.Id == budgetId && b.StoppedFrom != null, ct);
        if (budget is null || await BudgetStops.ScopeOfAsync(db, budget, ct) is not { } scope)
            return BudgetStep.Unchanged;
        var now = clock.GetUtcNow();
        var zone = (await ScopeTerms.OfAsync(db, scope, ct)).Zone;
        if (BudgetStopRule.StopsNow(budget.StopAction, BudgetSpend.GrainOf(budget, zone.DayOf(now)), BudgetStops.StoppedFrom(budget)))
            return BudgetStep.Unchanged;
        var step = await BudgetStops.ReviewAsync(db, budget, scope, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return step;
    }
}
