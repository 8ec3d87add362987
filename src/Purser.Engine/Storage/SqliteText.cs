using System.Globalization;

namespace Purser.Engine.Storage;

/// <summary>
/// The text forms EF Core's SQLite provider stores, for the few hot paths that write raw SQL:
/// a row written with these reads back through EF and compares correctly in its queries.
/// </summary>
internal static class SqliteText
{
    public static string Of(Guid value) => value.ToString("D").ToUpperInvariant();

    public static string Of(DateTime utc) => utc.ToString("yyyy'-'MM'-'dd HH':'mm':'ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static string Of(DateOnly day) => day.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    public static string Of(decimal value) => value.ToString("0.0###########################", CultureInfo.InvariantCulture);

    public static decimal Decimal(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
