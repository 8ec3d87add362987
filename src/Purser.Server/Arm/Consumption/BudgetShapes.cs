using Purser.Engine.Consumption;
using static Purser.Server.Arm.Consumption.ConsumptionShapes;
using static Purser.Server.Hosting.StoredDecimal;

namespace Purser.Server.Arm.Consumption;

/// <summary>A Budget in the JSON shape of Microsoft.Consumption (AZURE-WIRE.md).</summary>
public static class BudgetShapes
{
    public static object Budget(BudgetView b) => new
    {
        id = ArmIds.Consumption(b.Scope, "budgets", b.Name),
        name = b.Name,
        type = "Microsoft.Consumption/budgets",
        eTag = b.ETag,
        properties = new
        {
            category = b.Category,
            amount = Plain(b.Amount),
            timeGrain = b.TimeGrain,
            timePeriod = new { startDate = b.StartDate, endDate = b.EndDate },
            filter = new { },
            currentSpend = new { amount = Plain(b.CurrentSpend), unit = b.Unit },
            notifications = b.Notifications.ToDictionary(n => n.Key, n => Notification(n.Value), StringComparer.Ordinal),
            forecastSpend = new { amount = Plain(b.ForecastSpend), unit = b.Unit },
        },
    };

    private static object Notification(BudgetNotification n) => new
    {
        enabled = n.Enabled,
        @operator = n.Operator,
        threshold = n.Threshold is { } t ? Plain(t) : 0m,
        contactEmails = n.ContactEmails,
        contactRoles = n.ContactRoles,
        contactGroups = n.ContactGroups,
        thresholdType = n.ThresholdType,
        locale = n.Locale,
    };
}
