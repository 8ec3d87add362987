using System.Globalization;

namespace Purser.Engine.Consumption;

/// <summary>
/// A calendar month as Consumption names billing periods (<c>201910</c>), in a billing profile's local
/// days (R-CALENDAR): from its first day up to, not including, the next month's first day.
/// </summary>
public readonly record struct BillingMonth(int Year, int Month)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly NextFirstDay => FirstDay.AddMonths(1);

    public DateOnly LastDay => NextFirstDay.AddDays(-1);

    public string Name => FirstDay.ToString("yyyyMM", CultureInfo.InvariantCulture);

    public bool Contains(DateOnly day) => day >= FirstDay && day < NextFirstDay;

    /// <summary>The month a local day falls in.</summary>
    public static BillingMonth Of(DateOnly day) => new(day.Year, day.Month);

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
