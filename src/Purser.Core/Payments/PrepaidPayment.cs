using Purser.Core.Monetary;

namespace Purser.Core.Payments;

/// <summary>
/// Money received for credit. <see cref="Key"/> is its idempotency key, and becomes the key of
/// the grant, so a replayed payment never creates a second lot.
/// </summary>
public sealed record PrepaidPayment(string Key, Guid LotId, Money Amount, DateTimeOffset PaidAt, string PoNumber = "");
