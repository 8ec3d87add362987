using System.Text.Json;
using Purser.Engine.Consumption;

namespace Purser.Server.Arm.Consumption;

/// <summary>A budget as the client PUTs it: <c>{eTag, properties:{category, amount, timeGrain, timePeriod, filter, notifications}}</c>.</summary>
public sealed record BudgetBody(string? ETag, BudgetBodyProperties? Properties)
{
    public BudgetInput ToInput() => new(ETag, Properties?.Category, Properties?.Amount, Properties?.TimeGrain,
        Properties?.TimePeriod?.StartDate, Properties?.TimePeriod?.EndDate, HasFilter(Properties?.Filter), Properties?.Notifications);

    // An empty filter object filters nothing; anything else asks for filtering Purser does not do.
    private static bool HasFilter(JsonElement? filter) => filter switch
    {
        null => false,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => false,
        { ValueKind: JsonValueKind.Object } f => f.EnumerateObject().Any(),
        _ => true,
    };
}

public sealed record BudgetBodyProperties(string? Category, decimal? Amount, string? TimeGrain, BudgetBodyPeriod? TimePeriod, JsonElement? Filter,
    Dictionary<string, BudgetNotification?>? Notifications);

public sealed record BudgetBodyPeriod(DateTimeOffset? StartDate, DateTimeOffset? EndDate);
