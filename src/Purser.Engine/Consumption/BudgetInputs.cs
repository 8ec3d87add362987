namespace Purser.Engine.Consumption;

/// <summary>A budget as a caller sends it; every field may be missing or wrong until <see cref="BudgetRules"/> accepts it.</summary>
public sealed record BudgetInput(
    string? ETag,
    string? Category,
    decimal? Amount,
    string? TimeGrain,
    DateTimeOffset? StartDate,
    DateTimeOffset? EndDate,
    bool HasFilter,
    IReadOnlyDictionary<string, BudgetNotification?>? Notifications);

/// <summary>An alert of a budget, in Consumption's own names; kept as sent, defaults filled in.</summary>
public sealed record BudgetNotification(
    bool? Enabled,
    string? Operator,
    decimal? Threshold,
    IReadOnlyList<string>? ContactEmails,
    IReadOnlyList<string>? ContactRoles,
    IReadOnlyList<string>? ContactGroups,
    string? ThresholdType,
    string? Locale);

/// <summary>A stored budget with what has been spent in its current time grain and where that spend is heading.</summary>
public sealed record BudgetView(
    string Scope,
    string Name,
    string Category,
    decimal Amount,
    string TimeGrain,
    DateTimeOffset StartDate,
    DateTimeOffset EndDate,
    IReadOnlyDictionary<string, BudgetNotification> Notifications,
    decimal CurrentSpend,
    decimal ForecastSpend,
    string Unit,
    string ETag);

/// <summary>The result of a create-or-update: whether the budget is new, and the budget as now stored.</summary>
public sealed record BudgetWrite(bool Created, BudgetView Budget);
