using System.Collections.Immutable;

namespace Purser.Core.Ledger;

/// <summary>
/// Closes the credit side of an invoice: every movement pending before <see cref="SettleBefore"/>
/// gets a settled twin carrying the invoice number. Settling twice settles nothing new.
/// </summary>
public sealed record SettleInvoice(string InvoiceNumber, DateTimeOffset SettleBefore)
{
    public Outcome<LedgerChange> Decide(CreditLedger ledger)
    {
        if (string.IsNullOrWhiteSpace(InvoiceNumber))
            return Outcome<LedgerChange>.Refuse("InvoiceNumberMissing", "Settling credit needs the invoice number.");
        var twins = ledger.PendingEntries
            .Where(e => e.OccurredAt < SettleBefore)
            .Select(e => e with
            {
                Key = $"{e.Key}@{InvoiceNumber}",
                Phase = EntryPhase.Settled,
                Settles = e.Key,
                InvoiceNumber = InvoiceNumber,
            })
            .ToImmutableArray();
        return Outcome<LedgerChange>.Accept(twins.IsEmpty ? LedgerChange.None : new LedgerChange([], twins));
    }
}
