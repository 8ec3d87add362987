using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Consumption;

/// <summary>
/// Creates, replaces and deletes budgets. A write that carries an eTag replaces only the version
/// it names; every write gives the budget a new eTag.
/// </summary>
public sealed class BudgetCommands(PurserStore store, TimeProvider clock)
{
    public async Task<Outcome<BudgetWrite>> PutAsync(ConsumptionScope scope, string name, BudgetInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var checkedBudget = BudgetRules.Check(name, input);
        if (!checkedBudget.IsAccepted)
            return checkedBudget.Refusal;
        // A rating pass or the rollover review may step the same budget at once: the row lock orders them (BudgetLocks), and a
        // deadlock or lost update the database reports anyway is decided again (TransientConflicts).
        return await TransientConflicts.RetryAsync(() => PutOnceAsync(scope, name, input, checkedBudget.Value, ct));
    }

    private async Task<Outcome<BudgetWrite>> PutOnceAsync(ConsumptionScope scope, string name, BudgetInput input, AcceptedBudget accepted, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BudgetLocks.NamedAsync(db, scope.Path, name, ct);
        var budget = await db.Budgets.FirstOrDefaultAsync(b => b.Scope == scope.Path && b.Name == name, ct);
        if (budget is not null && !string.IsNullOrEmpty(input.ETag) && !string.Equals(input.ETag, budget.ETag, StringComparison.Ordinal))
            return new Refusal(RefusalCode.PreconditionFailed, $"Budget '{name}' has changed since eTag '{input.ETag}'; read it again.", "eTag");
        var created = budget is null;
        budget ??= db.Budgets.Add(new Budget { Id = Guid.NewGuid(), BillingAccountId = scope.AccountId, Scope = scope.Path, Name = name, TimeGrain = "" }).Entity;
        budget.Category = "Cost";
        budget.Amount = accepted.Amount;
        budget.TimeGrain = accepted.TimeGrain;
        budget.StartDate = accepted.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        budget.EndDate = accepted.EndDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        budget.Notifications = JsonSerializer.Serialize(accepted.Notifications, BudgetSpend.Json);
        budget.ETag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        // Raising a stopped budget above its spend restores its scope in the same write.
        await BudgetStops.ReviewAsync(db, budget, scope, clock.GetUtcNow(), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (created && UniqueViolation.Is(ex))
        {
            return new Refusal(RefusalCode.Conflict, $"Budget '{name}' was created by another request at the same time; read it and retry.", "budgetName");
        }
        await tx.CommitAsync(ct);
        var view = (await BudgetSpend.ViewsAsync(db, scope, [budget], clock.GetUtcNow(), ct))[0];
        return new BudgetWrite(created, view);
    }

    /// <summary>Deletes the budget; false when there was none by that name at the scope.</summary>
    public async Task<bool> DeleteAsync(ConsumptionScope scope, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = store.CreateContext();
        return await db.Budgets.Where(b => b.Scope == scope.Path && b.Name == name).ExecuteDeleteAsync(ct) > 0;
    }
}
