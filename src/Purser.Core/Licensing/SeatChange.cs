namespace Purser.Core.Licensing;

/// <summary>From <paramref name="EffectiveOn"/> on, the subscription has <paramref name="Seats"/> licenses.</summary>
public readonly record struct SeatChange(DateOnly EffectiveOn, int Seats);
