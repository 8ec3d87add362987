using System.Collections.Immutable;
using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>
/// The transactions list (R-EVENTS): one event per movement in journal order, each showing
/// the running balance after it. A settled twin is not a second event; it stamps the invoice
/// number on the movement it settles.
/// </summary>
public static class CreditEvents
{
    /// <summary>Events whose transaction date is in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public static ImmutableArray<CreditEvent> List(CreditLedger ledger, DateTimeOffset from, DateTimeOffset to)
    {
        var invoices = ledger.Entries.Where(e => e.IsSettlement).ToDictionary(e => e.Settles!, e => e.InvoiceNumber ?? "", StringComparer.Ordinal);
        var events = ImmutableArray.CreateBuilder<CreditEvent>();
        var balance = Money.Zero(ledger.Currency);
        foreach (var entry in ledger.Entries.Where(e => !e.IsSettlement))
        {
            balance += entry.Amount;
            if (entry.OccurredAt < from || entry.OccurredAt >= to)
                continue;
            var invoice = entry.InvoiceNumber ?? invoices.GetValueOrDefault(entry.Key, "");
            events.Add(ToEvent(ledger, entry, balance, invoice));
        }
        return events.ToImmutable();
    }

    private static CreditEvent ToEvent(CreditLedger ledger, JournalEntry entry, Money balance, string invoice)
    {
        var zero = Money.Zero(ledger.Currency);
        var settled = entry.Phase == EntryPhase.Settled || invoice.Length > 0;
        Money Of(params EntryKind[] kinds) => kinds.Contains(entry.Kind) ? entry.Amount : zero;
        return new CreditEvent(
            entry.Key,
            entry.OccurredAt,
            entry.Description,
            NewCredit: Of(EntryKind.Grant),
            Adjustments: Of(EntryKind.Adjustment, EntryKind.Refund),
            CreditExpired: Of(EntryKind.Expiry),
            Charges: Of(EntryKind.ChargeDraw),
            ClosedBalance: balance,
            EventType: TypeOf(entry.Kind, settled),
            InvoiceNumber: invoice,
            entry.LotId,
            ledger.Lot(entry.LotId).Source);
    }

    private static CreditEventType TypeOf(EntryKind kind, bool settled) => (kind, settled) switch
    {
        (EntryKind.Grant, true) => CreditEventType.NewCredit,
        (EntryKind.Grant, false) => CreditEventType.PendingNewCredit,
        (EntryKind.ChargeDraw, true) => CreditEventType.SettledCharges,
        (EntryKind.ChargeDraw, false) => CreditEventType.PendingCharges,
        (EntryKind.Expiry, true) => CreditEventType.CreditExpired,
        (EntryKind.Expiry, false) => CreditEventType.PendingExpiredCredit,
        (_, true) => CreditEventType.SettledAdjustments,
        (_, false) => CreditEventType.PendingAdjustments,
    };
}
