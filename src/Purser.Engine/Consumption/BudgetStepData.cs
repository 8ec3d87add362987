using System.Text.Json;

namespace Purser.Engine.Consumption;

/// <summary>
/// A budget's stop or restore as its outbox event carries it: the figures of the moment, whatever the budget does next.
/// <see cref="Stop"/> numbers the stop (a restore carries the number of the stop it ends); the period is the grain's local days.
/// </summary>
public sealed record BudgetStepData(string Scope, string Name, int Stop, decimal Amount, decimal Spent, string Currency,
    DateOnly PeriodFrom, DateOnly PeriodNext, DateTimeOffset At)
{
    public string Json() => JsonSerializer.Serialize(this, BudgetSpend.Json);

    public static BudgetStepData? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<BudgetStepData>(json, BudgetSpend.Json);
}
