namespace Purser.Engine.Usage;

/// <summary>
/// An inclusive run of usage dates, each a local day of the billing profile the usage is billed
/// to: the day printed on a usage line, rated as one day line, and shown on the invoice.
/// </summary>
public sealed record UsageDays
{
    /// <summary>Bounds for a filter that names only one end; far enough out for any stored usage.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(9000, 1, 1);

    public UsageDays(DateOnly from, DateOnly to)
    {
        if (to < from)
            throw new ArgumentOutOfRangeException(nameof(to), $"Usage days cannot end ({to:O}) before they start ({from:O}).");
        From = from;
        To = to;
    }

    public DateOnly From { get; }

    /// <summary>The last usage date, included.</summary>
    public DateOnly To { get; }

    public int Count => To.DayNumber - From.DayNumber + 1;
}
