using System.Globalization;
using Purser.Core;
using Purser.Server.Hosting;

namespace Purser.Server.Downloads;

/// <summary>
/// The <c>from</c>..<c>to</c> days of a download (yyyy-MM-dd, both included, both required),
/// at most <see cref="MaxDays"/> days so one request cannot ask for all of history.
/// </summary>
public sealed record DownloadRange(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;

    public string FileSuffix => $"{CsvFields.Day(From)}_{CsvFields.Day(To)}";

    public static (DownloadRange? Range, IResult? Invalid) Parse(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (range, problem) = Read(request.Query);
        return (range, problem is null ? null : ArmError.From(problem));
    }

    /// <summary>The range a query asks for, or why it is not one: a day missing or malformed, the end before the start, too many days.</summary>
    public static (DownloadRange? Range, Refusal? Problem) Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Day(query, "from") is not { } from)
            return (null, Missing("from"));
        if (Day(query, "to") is not { } to)
            return (null, Missing("to"));
        if (to < from)
            return (null, new Refusal(RefusalCode.InvalidDateRange, "'to' must not be before 'from'.", "to"));
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            return (null, new Refusal(RefusalCode.DateRangeTooLong, $"A download covers at most {MaxDays} days; split the range.", "to"));
        return (new DownloadRange(from, to), null);
    }

    private static DateOnly? Day(IQueryCollection query, string name) => Day(query[name].ToString());

    /// <summary>A day as the query spells it, yyyy-MM-dd, or null.</summary>
    public static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static Refusal Missing(string name) => new(RefusalCode.InvalidParameter, $"'{name}' is required as a date, yyyy-MM-dd.", name);
}
