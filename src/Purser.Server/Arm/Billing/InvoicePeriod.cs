using System.Globalization;
using Purser.Engine.Invoicing;
using Purser.Server.Hosting;

namespace Purser.Server.Arm.Billing;

/// <summary>
/// <c>periodStartDate</c> and <c>periodEndDate</c> of an invoice list: invoice dates, both inclusive,
/// as <c>yyyy-MM-dd</c>, Azure's documented <c>MM-dd-yyyy</c>, or an ISO 8601 instant (its UTC day).
/// </summary>
public static class InvoicePeriod
{
    public const string Start = "periodStartDate";
    public const string End = "periodEndDate";

    private static readonly string[] DayFormats = ["yyyy-MM-dd", "MM-dd-yyyy"];

    /// <summary>The range the query asks for, or the ARM error naming the parameter that is missing (when <paramref name="required"/>) or malformed.</summary>
    public static (InvoiceDateRange? Range, IResult? Error) Read(HttpRequest request, bool required)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Day(request, Start, required, out var from) is { } badStart)
            return (null, badStart);
        if (Day(request, End, required, out var to) is { } badEnd)
            return (null, badEnd);
        if (from > to)
            return (null, ArmError.Result(400, "InvalidParameter", $"'{End}' must not be before '{Start}'.", End));
        return (new InvoiceDateRange(from, to), null);
    }

    private static IResult? Day(HttpRequest request, string name, bool required, out DateOnly? day)
    {
        day = null;
        var raw = request.Query[name].ToString().Trim();
        if (raw.Length == 0)
            return required ? ArmError.Result(400, "MissingParameter", $"The query parameter '{name}' is required.", name) : null;
        if (DateOnly.TryParseExact(raw, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
            day = exact;
        else if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
            day = DateOnly.FromDateTime(instant.UtcDateTime);
        else
            return ArmError.Result(400, "InvalidParameter", $"The query parameter '{name}' is not a date: '{raw}'.", name);
        return null;
    }
}
