using Purser.Core.Calendar;

namespace Purser.Core.Licensing;

/// <summary>A run of days during which the seat count did not change.</summary>
public readonly record struct SeatSegment(BillingPeriod Days, int Seats);
