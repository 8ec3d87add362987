using System.Collections.Immutable;
using Purser.Core.Calendar;
using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>
/// The transactions list (R-EVENTS): one event per movement in date order (same-instant movements
/// in journal order), each showing the balance after it in that order, so each row's closed
/// balance is the previous row's plus its own movement. Journal order would not do: a charge
/// dated earlier than one already recorded, or an expiry written after the draws that followed
/// it, lands in the journal after movements dated later. A settled twin is not a second event;
/// it stamps the invoice number on the movement it settles.
/// </summary>
public static class CreditEvents
{
    /// <summary>
    /// Events on the local days <paramref name="first"/> to <paramref name="last"/> (both included) of a
    /// profile counting days in <paramref name="zone"/> (R-CALENDAR), oldest first, each dated on that zone's clock.
    /// </summary>
    public static ImmutableArray<CreditEvent> List(CreditLedger ledger, BillingTimeZone zone, DateOnly first, DateOnly last) =>
        Page(Money.Zero(ledger.Currency), ledger.Entries, ledger.Lot, zone, first, last);

    /// <summary>
    /// The same list from part of the journal: <paramref name="entries"/> are every movement (and settled
    /// twin) dated from some instant on, in journal order, and <paramref name="opening"/> is the sum of
    /// every movement dated before it, so a page reads only its own days and a running total.
    /// </summary>
    public static ImmutableArray<CreditEvent> Page(
        Money opening, IEnumerable<JournalEntry> entries, Func<Guid, CreditLot> lotOf, BillingTimeZone zone, DateOnly first, DateOnly last)
    {
        var journal = entries as IReadOnlyCollection<JournalEntry> ?? [.. entries];
        var invoices = journal.Where(e => e.IsSettlement).ToDictionary(e => e.Settles!, e => e.InvoiceNumber ?? "", StringComparer.Ordinal);
        var events = ImmutableArray.CreateBuilder<CreditEvent>();
        var balance = opening;
        foreach (var entry in journal.Where(e => !e.IsSettlement).OrderBy(e => e.OccurredAt))
        {
            balance += entry.Amount;
            var day = zone.DayOf(entry.OccurredAt);
            if (day < first || day > last)
                continue;
            var invoice = entry.InvoiceNumber ?? invoices.GetValueOrDefault(entry.Key, "");
            events.Add(ToEvent(opening.Currency, lotOf(entry.LotId), entry, TimeZoneInfo.ConvertTime(entry.OccurredAt, zone.Zone), balance, invoice));
        }
        return events.ToImmutable();
    }

    private static CreditEvent ToEvent(Currency currency, CreditLot lot, JournalEntry entry, DateTimeOffset date, Money balance, string invoice)
    {
        var zero = Money.Zero(currency);
        var settled = entry.Phase == EntryPhase.Settled || invoice.Length > 0;
        Money Of(params EntryKind[] kinds) => kinds.Contains(entry.Kind) ? entry.Amount : zero;
        return new CreditEvent(
            entry.Key,
            date,
            entry.Description,
            NewCredit: Of(EntryKind.Grant),
            Adjustments: Of(EntryKind.Adjustment, EntryKind.Refund, EntryKind.Void),
            CreditExpired: Of(EntryKind.Expiry),
            Charges: Of(EntryKind.ChargeDraw),
            ClosedBalance: balance,
            EventType: TypeOf(entry.Kind, settled),
            InvoiceNumber: invoice,
            entry.LotId,
            lot.Source,
            entry.Kind);
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
