using Microsoft.EntityFrameworkCore;
using Purser.Core.Budgets;
using Purser.Core.Monetary;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;
using Purser.Engine.Webhooks;

namespace Purser.Engine.Consumption;

/// <summary>
/// Budgets that act: a budget whose stop action is on stops the usage of every subscription in its scope once the
/// spend of its current grain (the ARM budget's currentSpend) reaches its amount, until it is raised above the spend,
/// the action is turned off, or the grain rolls over on the scope's local calendar. Decided where spend or the budget
/// changes, in that change's transaction, each step written to the outbox as a BudgetStopped / BudgetRestored event.
/// </summary>
internal static class BudgetStops
{
    private const string BudgetsSegment = "/providers/Microsoft.Consumption/budgets/";

    /// <summary>
    /// Reviews the acting budgets that cover <paramref name="profileId"/>'s subscriptions (the rating pass, after its charges,
    /// in its transaction), under their row locks (<see cref="BudgetLocks"/>).
    /// </summary>
    public static async Task ReviewProfileAsync(PurserDbContext db, Guid accountId, Guid profileId, DateTimeOffset now, CancellationToken ct)
    {
        await BudgetLocks.ActingAsync(db, accountId, ct);
        var budgets = await db.Budgets.Where(b => b.BillingAccountId == accountId && (b.StopAction || b.StoppedFrom != null)).ToListAsync(ct);
        foreach (var budget in budgets)
        {
            if (await ScopeOfAsync(db, budget, ct) is { } scope && (scope.ProfileId is null || scope.ProfileId == profileId))
                await ReviewAsync(db, budget, scope, now, ct);
        }
    }

    /// <summary>Decides whether <paramref name="budget"/> (tracked) stops its scope now, and writes the step when that changed.</summary>
    public static async Task<BudgetStep> ReviewAsync(PurserDbContext db, Budget budget, ConsumptionScope scope, DateTimeOffset now, CancellationToken ct)
    {
        var (unit, zone) = await ScopeTerms.OfAsync(db, scope, ct);
        var grain = BudgetSpend.GrainOf(budget, zone.DayOf(now));
        var spent = await BudgetSpend.SpentAsync(db, scope, grain, unit, ct);
        var currency = Currency.Parse(unit);
        var step = BudgetStopRule.Decide(budget.StopAction, new Money(budget.Amount, currency), new Money(spent, currency), grain, StoppedFrom(budget));
        string kind;
        switch (step)
        {
            case BudgetStep.Stopped:
                budget.StoppedFrom = grain.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                budget.Stops++;
                kind = WebhookEventTypes.BudgetStopped;
                break;
            case BudgetStep.Restored:
                budget.StoppedFrom = null;
                kind = WebhookEventTypes.BudgetRestored;
                break;
            default:
                return step;
        }
        db.Outbox.Add(Event(budget, kind, new BudgetStepData(budget.Scope, budget.Name, budget.Stops, budget.Amount, spent, unit, grain.From, grain.Next, now), now));
        return step;
    }

    /// <summary>The budget that stops <paramref name="subscriptionId"/>'s usage now, if any: stopped in the grain that still holds.</summary>
    public static async Task<StoppingBudget?> StoppingAsync(PurserDbContext db, Guid subscriptionId, Guid accountId, Guid profileId, DateTimeOffset now, CancellationToken ct)
    {
        var stopped = await db.Budgets.AsNoTracking().Where(b => b.BillingAccountId == accountId && b.StopAction && b.StoppedFrom != null)
            .OrderBy(b => b.Scope).ThenBy(b => b.Name).ToListAsync(ct);
        foreach (var budget in stopped)
        {
            if (await ScopeOfAsync(db, budget, ct) is not { } scope || !Covers(scope, subscriptionId, profileId))
                continue;
            var (unit, zone) = await ScopeTerms.OfAsync(db, scope, ct);
            var grain = BudgetSpend.GrainOf(budget, zone.DayOf(now));
            if (BudgetStopRule.StopsNow(budget.StopAction, grain, StoppedFrom(budget)))
                return new StoppingBudget(budget.Scope + BudgetsSegment + budget.Name, budget.Amount, unit, grain.Next);
        }
        return null;
    }

    /// <summary>The scope path and name of a budget's ARM id (scope + /providers/Microsoft.Consumption/budgets/name), or null when it is not one.</summary>
    public static (string Scope, string Name)? ParseId(string budgetId)
    {
        var at = budgetId.LastIndexOf(BudgetsSegment, StringComparison.OrdinalIgnoreCase);
        return at > 0 && at + BudgetsSegment.Length < budgetId.Length ? (budgetId[..at], budgetId[(at + BudgetsSegment.Length)..]) : null;
    }

    /// <summary>The budget stored at <paramref name="path"/> by <paramref name="name"/>, tracked, with its scope's ids.</summary>
    public static async Task<(Budget Budget, ConsumptionScope Scope)?> FindAsync(PurserDbContext db, string path, string name, CancellationToken ct)
    {
        var candidates = await db.Budgets.Where(b => b.Name == name).ToListAsync(ct);
        var budget = candidates.FirstOrDefault(b => string.Equals(b.Scope, path, StringComparison.OrdinalIgnoreCase));
        return budget is not null && await ScopeOfAsync(db, budget, ct) is { } scope ? (budget, scope) : null;
    }

    /// <summary>The first local day of the grain the budget stopped in (kept as midnight of that date), or null.</summary>
    public static DateOnly? StoppedFrom(Budget budget) => budget.StoppedFrom is { } from ? DateOnly.FromDateTime(from) : null;

    public static string IdOf(Budget budget) => budget.Scope + BudgetsSegment + budget.Name;

    private static bool Covers(ConsumptionScope scope, Guid subscriptionId, Guid profileId) =>
        scope.SubscriptionId is { } s ? s == subscriptionId : scope.ProfileId is not { } p || p == profileId;

    /// <summary>The ids behind a stored budget's ARM scope: a subscription (with its profile), a billing profile by name, or the account.</summary>
    public static async Task<ConsumptionScope?> ScopeOfAsync(PurserDbContext db, Budget budget, CancellationToken ct)
    {
        var segments = budget.Scope.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is ["subscriptions", var id] && Guid.TryParse(id, out var subscriptionId))
        {
            var profileId = await db.Subscriptions.AsNoTracking().Where(s => s.Id == subscriptionId).Select(s => (Guid?)s.BillingProfileId).FirstOrDefaultAsync(ct);
            return profileId is null ? null : new ConsumptionScope(budget.Scope, budget.BillingAccountId, profileId, subscriptionId);
        }
        var profileAt = Array.FindIndex(segments, s => s.Equals("billingProfiles", StringComparison.OrdinalIgnoreCase));
        if (profileAt < 0 || profileAt + 1 >= segments.Length)
            return new ConsumptionScope(budget.Scope, budget.BillingAccountId, null, null);
        var name = segments[profileAt + 1];
        var profile = await db.BillingProfiles.AsNoTracking().Where(p => p.BillingAccountId == budget.BillingAccountId && p.Name == name).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        return profile is null ? null : new ConsumptionScope(budget.Scope, budget.BillingAccountId, profile, null);
    }

    private static OutboxMessage Event(Budget budget, string kind, BudgetStepData data, DateTimeOffset now) => new()
    {
        BillingAccountId = budget.BillingAccountId,
        MessageId = Guid.NewGuid(),
        Kind = kind,
        Recipient = IdOf(budget),
        Subject = $"Budget {budget.Name}: {kind}",
        Body = kind == WebhookEventTypes.BudgetStopped
            ? $"Spend {data.Spent} {data.Currency} reached the budget of {data.Amount}; usage in its scope is stopped."
            : $"Spend {data.Spent} {data.Currency} is below the budget of {data.Amount} for this period; usage in its scope may go on.",
        Data = data.Json(),
        CreatedAt = now.UtcDateTime,
        NextAttemptAt = now.UtcDateTime,
    };
}

/// <summary>An acting budget that stops a subscription's usage now, as the entitlement answer names it.</summary>
public sealed record StoppingBudget(string BudgetId, decimal Amount, string Currency, DateOnly PeriodEnds);
