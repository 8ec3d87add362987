using System.Globalization;

namespace Purser.Engine.Consumption;

/// <summary>
/// A calendar month as Consumption names billing periods (<c>201910</c>), in UTC:
/// from the first day at midnight up to, not including, the next month's first day.
/// </summary>
public readonly record struct BillingMonth(int Year, int Month)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly NextFirstDay => FirstDay.AddMonths(1);

    public DateTime Start => FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime End => NextFirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public string Name => FirstDay.ToString("yyyyMM", CultureInfo.InvariantCulture);

    public static BillingMonth Of(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new BillingMonth(utc.Year, utc.Month);
    }

    /// <summary>Parses <c>yyyyMM</c>; anything else (or a month that does not exist) is not a period.</summary>
    public static bool TryParse(string? name, out BillingMonth month)
    {
        month = default;
        if (name is not { Length: 6 } || !DateOnly.TryParseExact(name + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            return false;
        month = new BillingMonth(first.Year, first.Month);
        return true;
    }
}
