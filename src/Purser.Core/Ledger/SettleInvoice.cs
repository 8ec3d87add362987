using System.Collections.Immutable;

namespace Purser.Core.Ledger;

/// <summary>
/// Closes the credit side of an invoice: pending movements get a settled twin carrying the
/// invoice number. Settling twice settles nothing new.
/// </summary>
/// <param name="SettleBefore">Movements that belong to no charge (expiry, adjustments, refunds) settle when they happened before this instant.</param>
/// <param name="InvoicedCharges">
/// The keys of the charges on this invoice: their draws settle whenever they were made, so usage
/// rated after the period closed is settled on the invoice that bills it. Draws of other charges
/// wait for the invoice that bills them. Null settles every draw made before <paramref name="SettleBefore"/>.
/// </param>
public sealed record SettleInvoice(string InvoiceNumber, DateTimeOffset SettleBefore, IReadOnlySet<string>? InvoicedCharges = null)
{
    public Outcome<LedgerChange> Decide(CreditLedger ledger)
    {
        if (string.IsNullOrWhiteSpace(InvoiceNumber))
            return Outcome<LedgerChange>.Refuse(RefusalCode.InvoiceNumberMissing, "Settling credit needs the invoice number.");
        var twins = ledger.PendingEntries
            .Where(BelongsHere)
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

    // Only draws wait for their charge's invoice; a refund carries its charge's key too, but the charge may have been
    // invoiced long ago, so it settles by date like any other movement.
    private bool BelongsHere(JournalEntry entry) =>
        entry.Kind == EntryKind.ChargeDraw && entry.ChargeKey is { } charge && InvoicedCharges is not null
            ? InvoicedCharges.Contains(charge)
            : entry.OccurredAt < SettleBefore;
}
