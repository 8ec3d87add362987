using Microsoft.AspNetCore.Http.HttpResults;
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
        if (Day(request, "from") is not { } from)
            return (null, Missing("from"));
        if (Day(request, "to") is not { } to)
            return (null, Missing("to"));
        if (to < from)
            return (null, ArmError.Result(RefusalCode.InvalidDateRange, "'to' must not be before 'from'.", "to"));
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            return (null, ArmError.Result(RefusalCode.DateRangeTooLong, $"A download covers at most {MaxDays} days; split the range.", "to"));
        return (new DownloadRange(from, to), null);
    }

    private static DateOnly? Day(HttpRequest request, string name) =>
        DateOnly.TryParseExact(request.Query[name].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static JsonHttpResult<ArmErrorBody> Missing(string name) =>
        ArmError.Result(RefusalCode.InvalidParameter, $"'{name}' is required as a date, yyyy-MM-dd.", name);
}
