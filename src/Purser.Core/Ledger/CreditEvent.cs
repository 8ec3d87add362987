using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>
/// One row of the transactions list (R-EVENTS). Every amount is signed as its effect on the
/// balance, so <see cref="ClosedBalance"/> = previous closed balance + NewCredit + Adjustments
/// + CreditExpired + Charges. <see cref="TransactionDate"/> carries the billing profile's offset, so
/// the date it reads as is the profile's local day. <see cref="InvoiceNumber"/> is empty while pending.
/// <see cref="Kind"/> names the movement where <see cref="EventType"/> cannot (refunds and voids are adjustments to Microsoft.Consumption).
/// </summary>
public sealed record CreditEvent(
    string Key,
    DateTimeOffset TransactionDate,
    string Description,
    Money NewCredit,
    Money Adjustments,
    Money CreditExpired,
    Money Charges,
    Money ClosedBalance,
    CreditEventType EventType,
    string InvoiceNumber,
    Guid LotId,
    string LotSource,
    EntryKind Kind);
