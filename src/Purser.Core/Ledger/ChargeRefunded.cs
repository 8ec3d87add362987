using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>How a refund went back: into the lots the charge drew from, and the rest to the payment method.</summary>
public sealed record ChargeRefunded(LedgerChange Change, Money ReturnedToCredit, Money ReturnedToPaymentMethod);
