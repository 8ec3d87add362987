using Microsoft.EntityFrameworkCore;
using Purser.Engine;
using Purser.Engine.Credits;

namespace Purser.Server.Tests.Reliability;

/// <summary>
/// What must hold after any number of billing runs, however they raced or died: invoice numbers 1..N of the issuer
/// without a gap or a repeat, one invoice per (profile, period), every charge on at most one invoice line, totals
/// equal to their lines, every journal entry and every settlement once, and no lot below zero.
/// </summary>
internal static class BillingInvariants
{
    /// <summary>Every violation found, one a line; empty when all hold.</summary>
    public static async Task<List<string>> ViolationsAsync(PurserStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var db = store.CreateContext();
        var found = new List<string>();
        var invoices = await db.Invoices.AsNoTracking().ToListAsync();
        var last = await db.InvoiceSequences.AsNoTracking().Select(s => (long?)s.LastNumber).MaxAsync() ?? 0;
        var sequences = invoices.Select(i => i.Sequence).Order().ToList();
        if (!sequences.SequenceEqual(Enumerable.Range(1, invoices.Count).Select(n => (long)n)) || last != invoices.Count)
            found.Add($"invoice sequence is not 1..{invoices.Count} (last number {last}): {string.Join(",", sequences)}");
        if (invoices.Any(i => i.InvoiceNumber != $"G{i.Sequence:D9}"))
            found.Add("an invoice number does not read its sequence");
        found.AddRange(invoices.GroupBy(i => (i.BillingProfileId, i.PeriodStart)).Where(g => g.Count() > 1)
            .Select(g => $"profile {g.Key.BillingProfileId} has {g.Count()} invoices for {g.Key.PeriodStart:yyyy-MM-dd}"));

        var lines = await db.InvoiceLineItems.AsNoTracking().ToListAsync();
        found.AddRange(lines.Where(l => l.ChargeId is not null).GroupBy(l => l.ChargeId).Where(g => g.Count() > 1)
            .Select(g => $"charge {g.Key} is on {g.Count()} invoice lines"));
        var byInvoice = lines.ToLookup(l => l.InvoiceId);
        found.AddRange(invoices.Where(i => byInvoice[i.Id].Sum(l => l.Amount) != i.SubTotal || byInvoice[i.Id].Sum(l => l.CreditApplied) != i.CreditApplied)
            .Select(i => $"invoice {i.InvoiceNumber} totals {i.SubTotal}/{i.CreditApplied} are not its lines' sums"));
        var charges = await db.Charges.AsNoTracking().Where(c => c.InvoiceId != null).ToListAsync();
        var onLines = lines.Select(l => l.ChargeId).OfType<Guid>().ToHashSet();
        found.AddRange(charges.Where(c => !onLines.Contains(c.Id)).Select(c => $"charge {c.IdempotencyKey} is marked invoiced but on no line"));

        var journal = await db.CreditJournal.AsNoTracking().ToListAsync();
        found.AddRange(journal.GroupBy(e => (e.BillingProfileId, e.IdempotencyKey)).Where(g => g.Count() > 1)
            .Select(g => $"journal entry {g.Key.IdempotencyKey} written {g.Count()} times"));
        found.AddRange(journal.Where(e => e.Settles is not null).GroupBy(e => (e.BillingProfileId, e.Settles)).Where(g => g.Count() > 1)
            .Select(g => $"entry {g.Key.Settles} settled {g.Count()} times"));
        found.AddRange(journal.Where(e => e.Settles is not null && e.InvoiceNumber is { } n && invoices.All(i => i.InvoiceNumber != n))
            .Select(e => $"entry {e.IdempotencyKey} settled under {e.InvoiceNumber}, which no invoice has"));
        found.AddRange((await db.CreditLots.AsNoTracking().Where(l => l.CurrentBalance < 0m || l.ClosedBalance < 0m).ToListAsync())
            .Select(l => $"lot {l.Id} below zero: {l.CurrentBalance}/{l.ClosedBalance}"));
        found.AddRange(await new LedgerCheck(store).VerifyAsync(CancellationToken.None));
        return found;
    }
}
