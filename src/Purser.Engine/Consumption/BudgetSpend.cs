using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Purser.Core.Budgets;
using Purser.Core.Monetary;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Consumption;

/// <summary>
/// Turns stored budgets into views: the charges of the budget's scope dated in its current grain
/// are its current spend (all of them, credit-covered or not: a budget tracks cost). The grain is the
/// one holding today on the scope's clock (<see cref="ScopeTerms"/>), as charges are dated in local days.
/// </summary>
internal static class BudgetSpend
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<BudgetView>> ViewsAsync(PurserDbContext db, ConsumptionScope scope, IReadOnlyList<Budget> budgets,
        DateTimeOffset now, CancellationToken ct)
    {
        if (budgets.Count == 0)
            return [];
        var (unit, zone) = await ScopeTerms.OfAsync(db, scope, ct);
        var today = zone.DayOf(now);
        var grains = budgets.Select(b => GrainOf(b, today)).ToList();
        var (from, next) = (grains.Min(g => g.From), grains.Max(g => g.Next));
        var charges = await ChargesOf(db, scope).Where(c => c.Currency == unit && c.StartDate >= from && c.StartDate < next)
            .Select(c => new { c.StartDate, c.Amount }).ToListAsync(ct);
        var currency = Currency.Parse(unit);
        return [.. budgets.Zip(grains, (budget, grain) =>
        {
            var spent = charges.Where(c => c.StartDate >= grain.From && c.StartDate < grain.Next).Sum(c => c.Amount);
            var forecast = new Money(grain.Forecast(spent, today), currency).RoundAsCharge().Amount;
            return View(scope, budget, spent, forecast, unit);
        })];
    }

    /// <summary>
    /// What the budget's scope has spent in <paramref name="grain"/>, counting the charges this context is about to save
    /// (the rating pass decides a stop before its charges are written).
    /// </summary>
    public static async Task<decimal> SpentAsync(PurserDbContext db, ConsumptionScope scope, BudgetGrain grain, string unit, CancellationToken ct)
    {
        var saved = await ChargesOf(db, scope).Where(c => c.Currency == unit && c.StartDate >= grain.From && c.StartDate < grain.Next)
            .Select(c => c.Amount).ToListAsync(ct);
        var unsaved = db.ChangeTracker.Entries<Charge>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Where(c => c.Currency == unit && c.StartDate >= grain.From && c.StartDate < grain.Next
                && (scope.SubscriptionId is { } s ? c.SubscriptionId == s : scope.ProfileId is { } p ? c.BillingProfileId == p : c.BillingAccountId == scope.AccountId))
            .Sum(c => c.Amount);
        return saved.Sum() + unsaved;
    }

    public static BudgetGrain GrainOf(Budget b, DateOnly today) => BudgetGrain.Holding(today, b.TimeGrain, DateOnly.FromDateTime(b.StartDate), End(b));

    private static IQueryable<Charge> ChargesOf(PurserDbContext db, ConsumptionScope scope) =>
        scope.SubscriptionId is { } subscription ? db.Charges.AsNoTracking().Where(c => c.SubscriptionId == subscription)
        : scope.ProfileId is { } profile ? db.Charges.AsNoTracking().Where(c => c.BillingProfileId == profile)
        : db.Charges.AsNoTracking().Where(c => c.BillingAccountId == scope.AccountId);

    private static DateOnly End(Budget b) => DateOnly.FromDateTime(b.EndDate ?? b.StartDate.AddYears(BudgetRules.DefaultYears));

    private static BudgetView View(ConsumptionScope scope, Budget b, decimal spent, decimal forecast, string unit) =>
        new(scope.Path, b.Name, b.Category, b.Amount, b.TimeGrain,
            new DateTimeOffset(DateTime.SpecifyKind(b.StartDate, DateTimeKind.Utc)),
            new DateTimeOffset(DateTime.SpecifyKind(b.EndDate ?? b.StartDate.AddYears(BudgetRules.DefaultYears), DateTimeKind.Utc)),
            b.Notifications is null ? new Dictionary<string, BudgetNotification>()
                : JsonSerializer.Deserialize<Dictionary<string, BudgetNotification>>(b.Notifications, Json) ?? [],
            spent, forecast, unit, b.ETag);
}
