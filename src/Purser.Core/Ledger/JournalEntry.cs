using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>
/// One immutable movement of credit on one lot. <see cref="Amount"/> is signed as its effect on
/// the lot's balance: grants and refunds add, draws and expiries take away.
/// </summary>
/// <param name="Key">Idempotency key, unique within the billing profile's journal.</param>
/// <param name="ChargeKey">For draws and refunds: the key of the charge they belong to.</param>
/// <param name="Settles">For a settled twin: the key of the pending entry it settles.</param>
/// <param name="InvoiceNumber">The invoice that settled the movement; null while pending.</param>
public sealed record JournalEntry(
    string Key,
    EntryKind Kind,
    Guid LotId,
    Money Amount,
    EntryPhase Phase,
    DateTimeOffset OccurredAt,
    string Description,
    string? ChargeKey = null,
    string? Settles = null,
    string? InvoiceNumber = null)
{
    public bool IsSettlement => Settles is not null;
}
