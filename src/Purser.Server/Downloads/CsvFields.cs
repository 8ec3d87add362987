using System.Globalization;
using Purser.Server.Hosting;

namespace Purser.Server.Downloads;

/// <summary>How values read in a CSV download: invariant culture, ISO dates, no storage padding.</summary>
public static class CsvFields
{
    public static string? Number(decimal? value) =>
        value is { } v ? StoredDecimal.Plain(v).ToString(CultureInfo.InvariantCulture) : null;

    public static string Day(DateOnly day) => day.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string Boolean(bool value) => value ? "true" : "false";

    /// <summary>RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled.</summary>
    public static string Quoted(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
