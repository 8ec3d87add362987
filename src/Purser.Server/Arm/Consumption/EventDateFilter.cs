using System.Text.RegularExpressions;
using Purser.Engine.Consumption;

namespace Purser.Server.Arm.Consumption;

/// <summary>
/// The <c>$filter</c> of events at account scope: <c>properties/eventDate ge 'd' and properties/eventDate le 'd'</c>
/// (either bound optional, null when absent), whole local days of each billing profile. Anything else is
/// refused rather than silently ignored.
/// </summary>
public sealed partial record EventDateFilter(RequestedDay? From, RequestedDay? To, string? Error = null)
{
    public bool IsValid => Error is null;

    public static EventDateFilter Parse(string? filter)
    {
        RequestedDay? from = null, to = null;
        if (string.IsNullOrWhiteSpace(filter))
            return new(from, to);
        foreach (var clause in AndSeparator().Split(filter.Trim()))
        {
            var match = Clause().Match(clause.Trim());
            if (!match.Success || !RequestedDay.TryParse(match.Groups["date"].Value, out var day))
                return new(from, to, $"Unsupported $filter clause '{clause.Trim()}'; use properties/eventDate ge|le 'yyyy-MM-dd'.");
            if (match.Groups["op"].Value.Equals("ge", StringComparison.OrdinalIgnoreCase))
                from = day;
            else
                to = day;
        }
        return new(from, to);
    }

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSeparator();

    [GeneratedRegex(@"^properties/eventDate\s+(?<op>ge|le)\s+'?(?<date>[^']+)'?$", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();
}
