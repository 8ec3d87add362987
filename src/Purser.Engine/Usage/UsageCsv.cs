using System.Globalization;
using System.Text;

namespace Purser.Engine.Usage;

/// <summary>
/// The usage file format: a header line, then one event a line —
/// <c>eventId,subscriptionId,meterId,quantity,timestamp[,resourceId[,tags]]</c> with tags as
/// <c>key=value;key=value</c>. Fields may be double-quoted (RFC 4180); a line that can't be read
/// is reported with its number rather than guessed at.
/// </summary>
public static class UsageCsv
{
    public static readonly string[] Header = ["eventId", "subscriptionId", "meterId", "quantity", "timestamp", "resourceId", "tags"];

    public sealed record Line(int Number, UsageEventInput? Event, string? Error);

    public static async IAsyncEnumerable<Line> ReadAsync(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = await reader.ReadLineAsync(ct);
        var number = 1;
        if (header is null || !Split(header).Take(5).SequenceEqual(Header.Take(5), StringComparer.OrdinalIgnoreCase))
        {
            yield return new Line(number, null, $"The first line must be the header: {string.Join(',', Header)}.");
            yield break;
        }
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            number++;
            if (text.Length == 0)
                continue;
            yield return Parse(number, text);
        }
    }

    private static Line Parse(int number, string text)
    {
        var f = Split(text);
        if (f.Count is < 5 or > 7)
            return new Line(number, null, $"expected 5 to 7 fields, found {f.Count}");
        if (!Guid.TryParse(f[1], out var subscription))
            return new Line(number, null, $"subscriptionId '{f[1]}' is not a GUID");
        if (!Guid.TryParse(f[2], out var meter))
            return new Line(number, null, $"meterId '{f[2]}' is not a GUID");
        if (!decimal.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var quantity))
            return new Line(number, null, $"quantity '{f[3]}' is not a number");
        if (!DateTimeOffset.TryParse(f[4], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
            return new Line(number, null, $"timestamp '{f[4]}' is not an ISO 8601 date-time");
        var tags = f.Count > 6 && f[6].Length > 0 ? ParseTags(f[6]) : null;
        if (f.Count > 6 && f[6].Length > 0 && tags is null)
            return new Line(number, null, $"tags '{f[6]}' are not key=value pairs separated by ';'");
        var usage = new UsageEventInput
        {
            EventId = f[0], SubscriptionId = subscription, MeterId = meter, Quantity = quantity, Timestamp = timestamp,
            ResourceId = f.Count > 5 && f[5].Length > 0 ? f[5] : null, Tags = tags,
        };
        return new Line(number, usage, null);
    }

    private static Dictionary<string, string>? ParseTags(string text)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                return null;
            tags[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
        return tags;
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
