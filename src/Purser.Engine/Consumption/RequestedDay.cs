using System.Globalization;
using Purser.Core.Calendar;

namespace Purser.Engine.Consumption;

/// <summary>
/// A day a caller names in a query (R-CALENDAR). A date as written (<c>2024-01-31</c>, or a time with
/// no offset) is that local day of whichever billing profile reads it; an instant (<c>…Z</c>,
/// <c>…+08:00</c>) is the local day it falls on in that profile's time zone, not its UTC day. At
/// billing-account scope one instant can so name different days for different profiles.
/// </summary>
public readonly record struct RequestedDay
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "MM-dd-yyyy"];

    private readonly DateOnly day;
    private readonly DateTimeOffset? instant;

    private RequestedDay(DateOnly day, DateTimeOffset? instant) => (this.day, this.instant) = (day, instant);

    public static RequestedDay On(DateOnly day) => new(day, null);

    public static RequestedDay At(DateTimeOffset instant) => new(DateOnly.FromDateTime(instant.DateTime), instant);

    /// <summary>The day as the caller wrote it, in whatever offset they wrote it: what a range's ends are checked in order by.</summary>
    public DateOnly AsWritten => day;

    /// <summary>The local day named on the clock of a profile in <paramref name="zone"/>.</summary>
    public DateOnly In(BillingTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return instant is { } at ? zone.DayOf(at) : day;
    }

    /// <summary>Accepts <c>yyyy-MM-dd</c>, Azure's documented <c>MM-dd-yyyy</c>, and ISO 8601 times with or without an offset.</summary>
    public static bool TryParse(string? text, out RequestedDay requested)
    {
        requested = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return false;
        if (DateOnly.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            requested = On(date);
            return true;
        }
        // RoundtripKind leaves a time without an offset Unspecified: a local wall-clock time, so its date as written.
        if (!DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var written))
            return false;
        requested = written.Kind == DateTimeKind.Unspecified
            ? On(DateOnly.FromDateTime(written))
            : At(DateTimeOffset.Parse(trimmed, CultureInfo.InvariantCulture));
        return true;
    }
}
