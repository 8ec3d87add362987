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

    /// <summary>One cell as written: neutralised against formula injection, then quoted as RFC 4180 needs.</summary>
    public static string Cell(string field) => Quoted(Neutralised(field));

    /// <summary>RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static string Quoted(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// OWASP CSV injection: a spreadsheet runs a cell that begins with = + - @, tab or carriage return
    /// as a formula, so such a cell gets a leading apostrophe and is read as text. Plain numbers
    /// (a credit of -165.00) are left alone: they are what they look like.
    /// </summary>
    public static string Neutralised(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Length == 0 || field[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
            return field;
        return decimal.TryParse(field, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
            ? field
            : "'" + field;
    }
}
