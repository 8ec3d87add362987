using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>
/// How a charge was paid: <see cref="CoveredByCredit"/> from lots, and the rest,
/// <see cref="AmountDue"/>, left for the payment method (or, on a prepaid offer, an overage).
/// </summary>
public sealed record ChargeDrawn(LedgerChange Change, Money CoveredByCredit, Money AmountDue);
