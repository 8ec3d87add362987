namespace Purser.Core.Calendar;

/// <summary>
/// A run of whole days, both ends included, as printed on invoices and reconciliation files
/// ("7/15–8/14"). Days are local to the billing profile's time zone.
/// </summary>
public readonly record struct BillingPeriod
{
    public BillingPeriod(DateOnly start, DateOnly end)
    {
        if (end < start)
            throw new ArgumentOutOfRangeException(nameof(end), $"A period cannot end ({end:O}) before it starts ({start:O}).");
        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    /// <summary>The last day of the period, included.</summary>
    public DateOnly End { get; }

    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>The first day after the period: the next billing date.</summary>
    public DateOnly NextStart => End.AddDays(1);

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>The days both periods share, or null when they share none.</summary>
    public BillingPeriod? Intersect(BillingPeriod other)
    {
        var start = Start > other.Start ? Start : other.Start;
        var end = End < other.End ? End : other.End;
        return end < start ? null : new BillingPeriod(start, end);
    }

    public static BillingPeriod FromDays(DateOnly start, int days) => new(start, start.AddDays(days - 1));

    public override string ToString() => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";
}
