using System.Globalization;
using System.Text.RegularExpressions;

namespace Purser.Server.Tests.Telemetry;

/// <summary>A Prometheus text scrape, read as samples: a metric name, its labels and its value (comments and timestamps left out).</summary>
internal sealed partial class Scrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    private Scrape(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var sample = Sample().Match(line);
            Assert.True(sample.Success, $"not a Prometheus sample: {line}");
            var labels = Label().Matches(sample.Groups["labels"].Value).ToDictionary(l => l.Groups["key"].Value, l => l.Groups["value"].Value);
            _samples.Add((sample.Groups["name"].Value, labels, double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
    }

    public string Text { get; private init; } = "";

    public static Scrape Parse(string text) => new(text) { Text = text };

    /// <summary>The one sample of <paramref name="name"/> carrying every label given (it may carry more, such as the scope's).</summary>
    public double Value(string name, params (string Key, string Value)[] labels)
    {
        var found = _samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).ToList();
        Assert.True(found.Count == 1, $"{found.Count} samples of {name} {string.Join(",", labels)} in the scrape:\n{Text}");
        return found[0].Value;
    }

    /// <summary>The sum of every sample of <paramref name="name"/> carrying the labels given (all status codes of a route, say); 0 when there is none.</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).Sum(s => s.Value);

    public bool Has(string name) => _samples.Any(s => s.Name == name);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$")]
    private static partial Regex Sample();

    [GeneratedRegex("""(?<key>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(\\.|[^"\\])*)",?""")]
    private static partial Regex Label();
}
