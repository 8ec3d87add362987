using Purser.Core.Calendar;
using Purser.Engine.Consumption;

namespace Purser.Engine.Usage;

/// <summary>
/// An inclusive run of usage dates, each a local day of the billing profile the usage is billed
/// to: the day printed on a usage line, rated as one day line, and shown on the invoice. Its ends
/// stay as the caller named them, so an end given as an instant is a different day on profiles in
/// different zones.
/// </summary>
public sealed record UsageDays
{
    /// <summary>Bounds for a filter that names only one end; far enough out for any stored usage.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(9000, 1, 1);

    public UsageDays(RequestedDay from, RequestedDay to)
    {
        if (to.AsWritten < from.AsWritten)
            throw new ArgumentOutOfRangeException(nameof(to), $"Usage days cannot end ({to.AsWritten:O}) before they start ({from.AsWritten:O}).");
        From = from;
        To = to;
    }

    public UsageDays(DateOnly from, DateOnly to)
        : this(RequestedDay.On(from), RequestedDay.On(to))
    {
    }

    public RequestedDay From { get; }

    /// <summary>The last usage date, included.</summary>
    public RequestedDay To { get; }

    /// <summary>The first and last usage date on the clock of a profile in <paramref name="zone"/>.</summary>
    public (DateOnly First, DateOnly Last) In(BillingTimeZone zone) => (From.In(zone), To.In(zone));
}
