using System.Collections.Immutable;
using Purser.Core.Ledger;
using Purser.Core.Monetary;

namespace Purser.Core.Invoicing;

/// <summary>A line for an invoice: a charge recorded earlier (usage, one-off) or one the close itself bills (license lines).</summary>
/// <param name="Key">The charge's idempotency key: its credit draws carry it as their charge key.</param>
public sealed record InvoiceCharge(string Key, LineItem Line, bool CreditEligible, string Description);

/// <summary>An invoice line as assembled: what credit paid of it (R-DRAW, eligible lines only, R-CE).</summary>
public sealed record InvoiceLine(InvoiceCharge Charge, Money CreditApplied);

/// <summary>The assembled invoice and the ledger change that pays and settles it.</summary>
public sealed record InvoiceDecision(ImmutableArray<InvoiceLine> Lines, Money SubTotal, Money CreditApplied, Money AmountDue, LedgerChange Change);

/// <summary>
/// Assembles one invoice (R-INVOICE): charges recorded during the period already drew their
/// credit as they were rated; lines the close bills itself draw theirs now, in R-DRAW order, when
/// positive and credit-eligible. Then every draw of a charge on this invoice, and every movement
/// of no charge before <see cref="ClosesAt"/>, settles under the invoice number. Credits and
/// reversals draw nothing: they lower what is due.
/// </summary>
public sealed record InvoiceClose(
    string InvoiceNumber,
    DateTimeOffset ClosesAt,
    DateTimeOffset Now,
    ImmutableArray<InvoiceCharge> Recorded,
    ImmutableArray<InvoiceCharge> Billed)
{
    public Outcome<InvoiceDecision> Decide(CreditLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var working = ledger;
        var entries = ImmutableArray.CreateBuilder<JournalEntry>();
        foreach (var charge in Billed.Where(c => c.Line.Amount.IsPositive))
        {
            var drawn = new DrawCharge(charge.Key, charge.Line.Amount, charge.CreditEligible, Now, charge.Description).Decide(working);
            if (!drawn.IsAccepted)
                return drawn.Refusal;
            working = working.Apply(drawn.Value.Change);
            entries.AddRange(drawn.Value.Change.Entries);
        }
        var all = Recorded.Concat(Billed).ToImmutableArray();
        var keys = all.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (keys.Count != all.Length)
            return Outcome<InvoiceDecision>.Refuse(RefusalCode.DuplicateChargeKey, "Two lines of one invoice share a charge key.");
        var settled = new SettleInvoice(InvoiceNumber, ClosesAt, keys).Decide(working);
        if (!settled.IsAccepted)
            return settled.Refusal;
        entries.AddRange(settled.Value.Entries);

        var zero = Money.Zero(ledger.Currency);
        var lines = all.Select(c => new InvoiceLine(c, c.Line.Amount.IsPositive ? working.CoveredByCredit(c.Key) : zero)).ToImmutableArray();
        var subTotal = lines.Aggregate(zero, (sum, l) => sum + l.Charge.Line.Amount);
        var credit = lines.Aggregate(zero, (sum, l) => sum + l.CreditApplied);
        return new InvoiceDecision(lines, subTotal, credit, subTotal - credit, new LedgerChange([], entries.ToImmutable()));
    }
}
