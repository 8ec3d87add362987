using System.Globalization;
using System.Text.RegularExpressions;

namespace Purser.Server.Arm.Consumption;

/// <summary>
/// The <c>$filter</c> of events at account scope: <c>properties/eventDate ge 'd' and properties/eventDate le 'd'</c>
/// (either bound optional). Anything else is refused rather than silently ignored.
/// </summary>
public sealed partial record EventDateFilter(DateTimeOffset From, DateTimeOffset To, string? Error = null)
{
    public bool IsValid => Error is null;

    public static EventDateFilter Parse(string? filter)
    {
        var from = DateTimeOffset.MinValue;
        var to = DateTimeOffset.MaxValue;
        if (string.IsNullOrWhiteSpace(filter))
            return new(from, to);
        foreach (var clause in AndSeparator().Split(filter.Trim()))
        {
            var match = Clause().Match(clause.Trim());
            if (!match.Success || !DateTimeOffset.TryParse(match.Groups["date"].Value, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
                return new(from, to, $"Unsupported $filter clause '{clause.Trim()}'; use properties/eventDate ge|le 'yyyy-MM-dd'.");
            if (match.Groups["op"].Value.Equals("ge", StringComparison.OrdinalIgnoreCase))
                from = date;
            else
                to = date.TimeOfDay == TimeSpan.Zero ? date.AddDays(1) : date;
        }
        return new(from, to);
    }

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSeparator();

    [GeneratedRegex(@"^properties/eventDate\s+(?<op>ge|le)\s+'?(?<date>[^']+)'?$", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();
}
