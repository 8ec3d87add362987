using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Consumption;

/// <summary>The budgets of one ARM scope, with their current and forecast spend.</summary>
public sealed class BudgetQueries(PurserStore store, TimeProvider clock)
{
    public async Task<IReadOnlyList<BudgetView>> ListAsync(ConsumptionScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = store.CreateContext();
        var budgets = await db.Budgets.AsNoTracking().Where(b => b.Scope == scope.Path).OrderBy(b => b.Name).ToListAsync(ct);
        return await BudgetSpend.ViewsAsync(db, scope, budgets, clock.GetUtcNow(), ct);
    }

    public async Task<BudgetView?> FindAsync(ConsumptionScope scope, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = store.CreateContext();
        var budget = await db.Budgets.AsNoTracking().FirstOrDefaultAsync(b => b.Scope == scope.Path && b.Name == name, ct);
        return budget is null ? null : (await BudgetSpend.ViewsAsync(db, scope, [budget], clock.GetUtcNow(), ct))[0];
    }
}
