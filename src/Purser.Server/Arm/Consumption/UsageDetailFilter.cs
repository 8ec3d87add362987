using System.Text.RegularExpressions;
using Purser.Engine.Consumption;
using Purser.Engine.Usage;

namespace Purser.Server.Arm.Consumption;

/// <summary>
/// The <c>$filter</c> of usageDetails: <c>properties/usageStart ge 'd' and properties/usageEnd le 'd'</c>
/// (<c>properties/date</c> too; <c>eq</c> names one day). Dates are usage dates, the local days
/// of each billing profile; an instant names the day it falls on in the profile's zone. No filter
/// means each profile's current billing period (null days); any other clause is refused rather
/// than silently ignored.
/// </summary>
public sealed partial record UsageDetailFilter(UsageDays? Days, string? Error = null)
{
    public bool IsValid => Error is null;

    public static UsageDetailFilter Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
            return new((UsageDays?)null);
        RequestedDay? from = null, to = null;
        foreach (var clause in AndSeparator().Split(filter.Trim()))
        {
            var match = Clause().Match(clause.Trim());
            if (!match.Success || !RequestedDay.TryParse(match.Groups["date"].Value, out var day))
                return Invalid($"Unsupported $filter clause '{clause.Trim()}'; use properties/usageStart ge 'yyyy-MM-dd' and properties/usageEnd le 'yyyy-MM-dd'.");
            var op = match.Groups["op"].Value.ToUpperInvariant();
            if (op is "GE" or "EQ")
                from = day;
            if (op is "LE" or "EQ")
                to = day;
        }
        var (first, last) = (from ?? RequestedDay.On(UsageDays.Earliest), to ?? RequestedDay.On(UsageDays.Latest));
        return last.AsWritten < first.AsWritten
            ? Invalid("The $filter ends before it starts.")
            : new(new UsageDays(first, last));
    }

    private static UsageDetailFilter Invalid(string error) => new(null, error);

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSeparator();

    [GeneratedRegex(@"^\(?\s*properties/(usageStart|usageEnd|date)\s+(?<op>ge|le|eq)\s+'?(?<date>[^']+?)'?\s*\)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();
}
