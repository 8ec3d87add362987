namespace Purser.Server.Arm;

/// <summary>A billing day as both resource providers spell it: the instant it starts, in UTC (ISO 8601 with offset).</summary>
public static class ArmDate
{
    public static DateTimeOffset Of(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
