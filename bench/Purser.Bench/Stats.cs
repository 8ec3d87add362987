using System.Globalization;

namespace Purser.Bench;

/// <summary>Medians and percentiles of measured samples, and the invariant-culture formatting every report line uses.</summary>
internal static class Stats
{
    public static double Median(IEnumerable<double> samples) => Percentile(samples, 0.5);

    /// <summary>The nearest-rank percentile (0 &lt; <paramref name="p"/> ≤ 1).</summary>
    public static double Percentile(IEnumerable<double> samples, double p)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static void Line(FormattableString text) => Console.WriteLine(F(text));
}
