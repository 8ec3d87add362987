using System.Text.RegularExpressions;
using Purser.Core;
using Purser.Engine.Accounts;

namespace Purser.Engine.Consumption;

/// <summary>
/// What a budget must be before it is stored, each refusal naming its field as the wire spells it
/// (<c>properties.timePeriod.startDate</c>). Enum values are accepted in any case and kept in Azure's.
/// </summary>
public static partial class BudgetRules
{
    public const decimal MaxAmount = 1_000_000_000m;
    public const int MaxNotifications = 5;
    public const int MaxContacts = 50;
    public const decimal MaxThreshold = 1000m;

    /// <summary>Azure's default when a budget is given no end date.</summary>
    public const int DefaultYears = 10;

    public static readonly IReadOnlyList<string> TimeGrains = ["Monthly", "Quarterly", "Annually", "BillingMonth", "BillingQuarter", "BillingAnnual"];
    public static readonly IReadOnlyList<string> Operators = ["EqualTo", "GreaterThan", "GreaterThanOrEqualTo"];
    public static readonly IReadOnlyList<string> ThresholdTypes = ["Actual", "Forecasted"];

    public static Outcome<AcceptedBudget> Check(string name, BudgetInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var grain = Canonical(input.TimeGrain, TimeGrains);
        var start = input.StartDate is { } s ? DateOnly.FromDateTime(s.DateTime) : (DateOnly?)null;
        var end = input.EndDate is { } e ? DateOnly.FromDateTime(e.DateTime) : start?.AddYears(DefaultYears);
        if (InputRules.First(
                BudgetName().IsMatch(name) ? null : new Refusal(RefusalCode.InvalidBudgetName, "A budget name is 1 to 63 letters, digits, '-' or '_'.", "budgetName"),
                string.Equals(input.Category, "Cost", StringComparison.OrdinalIgnoreCase) ? null
                    : new Refusal(input.Category is null ? RefusalCode.MissingField : RefusalCode.InvalidField, "'properties.category' must be 'Cost'.", "properties.category"),
                input.Amount is null ? new Refusal(RefusalCode.MissingField, "'properties.amount' is required.", "properties.amount")
                    : input.Amount is <= 0m or > MaxAmount ? new Refusal(RefusalCode.InvalidField, $"'properties.amount' must be more than 0 and at most {MaxAmount:N0}.", "properties.amount")
                    : null,
                grain is null ? new Refusal(input.TimeGrain is null ? RefusalCode.MissingField : RefusalCode.InvalidField,
                    $"'properties.timeGrain' must be one of: {string.Join(", ", TimeGrains)}.", "properties.timeGrain") : null,
                start is null ? new Refusal(RefusalCode.MissingField, "'properties.timePeriod.startDate' is required.", "properties.timePeriod.startDate")
                    : start.Value.Day != 1 || input.StartDate!.Value.TimeOfDay != TimeSpan.Zero
                        ? new Refusal(RefusalCode.InvalidField, "'properties.timePeriod.startDate' must be the first day of a month.", "properties.timePeriod.startDate")
                    : null,
                end <= start ? new Refusal(RefusalCode.InvalidField, "'properties.timePeriod.endDate' must be after the start date.", "properties.timePeriod.endDate") : null,
                input.HasFilter ? new Refusal(RefusalCode.InvalidField, "Budget filters are not supported; leave 'properties.filter' out.", "properties.filter") : null,
                CheckNotifications(input.Notifications)) is { } refusal)
            return refusal;
        return new AcceptedBudget(input.Amount!.Value, grain!, start!.Value, end!.Value, Normalised(input.Notifications));
    }

    private static Refusal? CheckNotifications(IReadOnlyDictionary<string, BudgetNotification?>? notifications)
    {
        if (notifications is null)
            return null;
        if (notifications.Count > MaxNotifications)
            return new Refusal(RefusalCode.InvalidField, $"A budget has at most {MaxNotifications} notifications.", "properties.notifications");
        foreach (var (key, notification) in notifications)
        {
            var at = $"properties.notifications.{key}";
            if (InputRules.First(
                    key.Length is 0 or > InputRules.MaxNameLength ? new Refusal(RefusalCode.InvalidField, $"A notification name is 1 to {InputRules.MaxNameLength} characters.", "properties.notifications") : null,
                    notification is null ? new Refusal(RefusalCode.MissingField, $"'{at}' must be an object.", at) : null) is { } invalid)
                return invalid;
            if (CheckNotification(notification!, at) is { } refusal)
                return refusal;
        }
        return null;
    }

    private static Refusal? CheckNotification(BudgetNotification n, string at)
    {
        var emails = n.ContactEmails ?? [];
        var groups = n.ContactGroups ?? [];
        return InputRules.First(
            n.Enabled is null ? new Refusal(RefusalCode.MissingField, $"'{at}.enabled' is required.", $"{at}.enabled") : null,
            Canonical(n.Operator, Operators) is null ? new Refusal(n.Operator is null ? RefusalCode.MissingField : RefusalCode.InvalidField,
                $"'{at}.operator' must be one of: {string.Join(", ", Operators)}.", $"{at}.operator") : null,
            n.Threshold is null ? new Refusal(RefusalCode.MissingField, $"'{at}.threshold' is required.", $"{at}.threshold")
                : n.Threshold is < 0m or > MaxThreshold ? new Refusal(RefusalCode.InvalidField, $"'{at}.threshold' is a percentage from 0 to {MaxThreshold:N0}.", $"{at}.threshold")
                : null,
            n.ThresholdType is not null && Canonical(n.ThresholdType, ThresholdTypes) is null
                ? new Refusal(RefusalCode.InvalidField, $"'{at}.thresholdType' must be one of: {string.Join(", ", ThresholdTypes)}.", $"{at}.thresholdType") : null,
            emails.Count + groups.Count == 0 ? new Refusal(RefusalCode.MissingField, $"'{at}.contactEmails' needs at least one e-mail address.", $"{at}.contactEmails") : null,
            emails.Count > MaxContacts ? new Refusal(RefusalCode.InvalidField, $"'{at}.contactEmails' has more than {MaxContacts} addresses.", $"{at}.contactEmails") : null,
            emails.Select(e => InputRules.Email(e, $"{at}.contactEmails")).FirstOrDefault(r => r is not null),
            InputRules.Optional(n.Locale, $"{at}.locale", 20));
    }

    private static Dictionary<string, BudgetNotification> Normalised(IReadOnlyDictionary<string, BudgetNotification?>? notifications) =>
        (notifications ?? new Dictionary<string, BudgetNotification?>()).ToDictionary(p => p.Key, p => p.Value! with
        {
            Operator = Canonical(p.Value!.Operator, Operators),
            ThresholdType = Canonical(p.Value.ThresholdType, ThresholdTypes) ?? "Actual",
            ContactEmails = p.Value.ContactEmails ?? [],
            ContactRoles = p.Value.ContactRoles ?? [],
            ContactGroups = p.Value.ContactGroups ?? [],
        }, StringComparer.Ordinal);

    private static string? Canonical(string? value, IReadOnlyList<string> allowed) =>
        allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,63}$")]
    private static partial Regex BudgetName();
}

/// <summary>A budget that passed <see cref="BudgetRules"/>: grain in Azure's spelling, end date filled in, notifications with their defaults.</summary>
public sealed record AcceptedBudget(decimal Amount, string TimeGrain, DateOnly StartDate, DateOnly EndDate, IReadOnlyDictionary<string, BudgetNotification> Notifications);
