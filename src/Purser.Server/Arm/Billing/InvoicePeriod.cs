using Microsoft.AspNetCore.Http.HttpResults;
using Purser.Core;
using Purser.Core.Calendar;
using Purser.Engine.Accounts;
using Purser.Engine.Consumption;
using Purser.Engine.Invoicing;
using Purser.Server.Hosting;

namespace Purser.Server.Arm.Billing;

/// <summary>
/// <c>periodStartDate</c> and <c>periodEndDate</c> of an invoice list: invoice dates, both inclusive,
/// as <c>yyyy-MM-dd</c>, Azure's documented <c>MM-dd-yyyy</c>, or an ISO 8601 time. Invoice dates are
/// local days of their profile, so an instant is the day it falls on there; one that falls on different
/// days for the profiles listed names no one day and is refused.
/// </summary>
public static class InvoicePeriod
{
    public const string Start = "periodStartDate";
    public const string End = "periodEndDate";

    /// <summary>The range the query asks for, or the ARM error naming the parameter that is missing (when <paramref name="required"/>) or malformed.</summary>
    public static (InvoiceDateRange? Range, IResult? Error) Read(HttpRequest request, bool required, IEnumerable<BillingProfileRecord> profiles)
    {
        ArgumentNullException.ThrowIfNull(request);
        var zones = profiles.Select(p => BillingTimeZone.Resolve(p.TimeZone)).ToList();
        if (Day(request, Start, required, zones, out var from) is { } badStart)
            return (null, badStart);
        if (Day(request, End, required, zones, out var to) is { } badEnd)
            return (null, badEnd);
        if (from > to)
            return (null, ArmError.Result(RefusalCode.InvalidParameter, $"'{End}' must not be before '{Start}'.", End));
        return (new InvoiceDateRange(from, to), null);
    }

    private static JsonHttpResult<ArmErrorBody>? Day(HttpRequest request, string name, bool required, List<BillingTimeZone> zones, out DateOnly? day)
    {
        day = null;
        var raw = request.Query[name].ToString().Trim();
        if (raw.Length == 0)
            return required ? ArmError.Result(RefusalCode.MissingParameter, $"The query parameter '{name}' is required.", name) : null;
        if (!RequestedDay.TryParse(raw, out var requested))
            return ArmError.Result(RefusalCode.InvalidParameter, $"The query parameter '{name}' is not a date: '{raw}'.", name);
        var days = zones.Select(requested.In).Distinct().ToList();
        if (days.Count > 1)
            return ArmError.Result(RefusalCode.InvalidParameter,
                $"The query parameter '{name}' is an instant that falls on different days in these billing profiles' time zones; give the day (yyyy-MM-dd).", name);
        day = days.Count == 1 ? days[0] : requested.AsWritten;
        return null;
    }
}
