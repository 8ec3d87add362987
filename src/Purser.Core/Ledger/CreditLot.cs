using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>
/// A grant of credit usable from <see cref="StartsAt"/> until just before <see cref="ExpiresAt"/>.
/// <see cref="Sequence"/> is its creation order in the billing profile, the last draw-down tie-breaker.
/// </summary>
public sealed record CreditLot(
    Guid Id,
    long Sequence,
    Money OriginalAmount,
    string Source,
    DateTimeOffset StartsAt,
    DateTimeOffset ExpiresAt,
    string PoNumber)
{
    public bool IsUsableAt(DateTimeOffset instant) => StartsAt <= instant && instant < ExpiresAt;
}
