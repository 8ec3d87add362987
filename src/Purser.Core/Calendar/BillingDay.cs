namespace Purser.Core.Calendar;

/// <summary>
/// The day of the month a billing cycle starts on (1–31). Months too short for it start on
/// their last day instead, so a billing day of 31 bills on 28 or 29 February.
/// </summary>
public readonly record struct BillingDay
{
    public BillingDay(int day)
    {
        if (day is < 1 or > 31)
            throw new ArgumentOutOfRangeException(nameof(day), day, "A billing day is between 1 and 31.");
        Day = day;
    }

    public int Day { get; }

    public DateOnly In(int year, int month) => new(year, month, Math.Min(Day, DateTime.DaysInMonth(year, month)));

    public static BillingDay Of(DateOnly date) => new(date.Day);

    public override string ToString() => Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
