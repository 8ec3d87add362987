using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Purser.Core.Calendar;

/// <summary>
/// The time zone a billing profile counts its days in. Resolution is always explicit: an
/// instant only becomes a billing day through one of these, never through the server's zone.
/// </summary>
public sealed record BillingTimeZone
{
    private BillingTimeZone(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    public string Id => Zone.Id;

    public static BillingTimeZone Utc { get; } = new(TimeZoneInfo.Utc);

    /// <summary>Azure China's billing clock: UTC+8 with no daylight saving.</summary>
    public static BillingTimeZone ChinaStandardTime { get; } = FixedOffset(TimeSpan.FromHours(8));

    public static BillingTimeZone Of(TimeZoneInfo zone) => new(zone);

    public static BillingTimeZone FixedOffset(TimeSpan offset)
    {
        if (offset.Ticks % TimeSpan.TicksPerMinute != 0 || offset.Duration() > TimeSpan.FromHours(14))
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "An offset is whole minutes within ±14 hours.");
        var id = "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return new(TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id));
    }

    /// <summary>Accepts an IANA or Windows id ("Asia/Shanghai") or a fixed offset ("+08:00", "UTC+8").</summary>
    public static bool TryResolve(string? idOrOffset, [NotNullWhen(true)] out BillingTimeZone? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(idOrOffset))
            return false;
        var text = idOrOffset.Trim();
        if (TryParseOffset(text, out var offset))
        {
            zone = FixedOffset(offset);
            return true;
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(text, out var found))
            return false;
        zone = new(found);
        return true;
    }

    public static BillingTimeZone Resolve(string idOrOffset) =>
        TryResolve(idOrOffset, out var zone) ? zone : throw new ArgumentException($"Unknown time zone '{idOrOffset}'.", nameof(idOrOffset));

    /// <summary>The billing day an instant falls on.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(LocalTime(instant).DateTime);

    /// <summary>An instant as the profile's wall clock shows it.</summary>
    public DateTimeOffset LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant a billing day begins.</summary>
    public DateTimeOffset StartOf(DateOnly day) => AtLocal(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// Calendar months added on the local clock, so "12 months from purchase" keeps the local
    /// date and time; a day missing from the target month clamps to its last day.
    /// </summary>
    public DateTimeOffset AddMonths(DateTimeOffset instant, int months) =>
        AtLocal(TimeZoneInfo.ConvertTime(instant, Zone).DateTime.AddMonths(months));

    public DateTimeOffset AddDays(DateTimeOffset instant, int days) =>
        AtLocal(TimeZoneInfo.ConvertTime(instant, Zone).DateTime.AddDays(days));

    public override string ToString() => Id;

    private DateTimeOffset AtLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A local time skipped by a daylight-saving jump does not exist; the next real instant stands in for it.
        while (Zone.IsInvalidTime(unspecified))
            unspecified = unspecified.AddMinutes(15);
        // A local time repeated when the clocks go back happens twice; the first occurrence stands for it, so a day
        // starts when its midnight first shows (GetUtcOffset would give the second, an hour into a day DayOf already counts).
        var offset = Zone.IsAmbiguousTime(unspecified) ? Zone.GetAmbiguousTimeOffsets(unspecified).Max() : Zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset);
    }

    private static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = default;
        var body = text.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) || text.StartsWith("GMT", StringComparison.OrdinalIgnoreCase)
            ? text[3..]
            : text;
        if (body.Length == 0)
            return text.Length == 3;
        if (body[0] is not ('+' or '-'))
            return false;
        var sign = body[0] == '-' ? -1 : 1;
        var parts = body[1..].Split(':');
        if (parts.Length > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || hours > 14)
            return false;
        var minutes = 0;
        if (parts.Length == 2 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || minutes > 59))
            return false;
        offset = sign * new TimeSpan(hours, minutes, 0);
        return offset.Duration() <= TimeSpan.FromHours(14);
    }
}
