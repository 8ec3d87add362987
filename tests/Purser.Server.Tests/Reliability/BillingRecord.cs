using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Purser.Engine;
using Purser.Server.Tests.MonthClose;

namespace Purser.Server.Tests.Reliability;

/// <summary>
/// What a billing run leaves behind, per billing profile name and by keys that do not depend on when or in which
/// process it ran: invoices (number, sequence, dates, status, totals), their lines, the profile's charges, its credit
/// journal in journal order and its lots' balances; the issuer's last number; and each partner's reconciliation files.
/// Row ids and timestamps of the run are left out; ids made with the world (lots, subscriptions) are kept.
/// </summary>
internal sealed class BillingRecord
{
    private readonly SortedDictionary<string, string[]> _parts;

    private BillingRecord(SortedDictionary<string, string[]> parts) => _parts = parts;

    public string[] this[string part] => _parts[part];

    public static async Task<BillingRecord> TakeAsync(PurserStore store, HttpClient op, IEnumerable<string> partners, IEnumerable<string> months)
    {
        ArgumentNullException.ThrowIfNull(store);
        var parts = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        await using (var db = store.CreateContext())
        {
            var names = await db.BillingProfiles.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.DisplayName);
            var invoices = await db.Invoices.AsNoTracking().OrderBy(i => i.Sequence).ToListAsync();
            var numbers = invoices.ToDictionary(i => i.Id, i => i.InvoiceNumber);
            var lines = (await db.InvoiceLineItems.AsNoTracking().ToListAsync()).OrderBy(l => numbers[l.InvoiceId], StringComparer.Ordinal).ThenBy(l => l.Id);
            var charges = (await db.Charges.AsNoTracking().ToListAsync()).OrderBy(c => c.IdempotencyKey, StringComparer.Ordinal);
            var journal = await db.CreditJournal.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
            var lots = await db.CreditLots.AsNoTracking().OrderBy(l => l.Sequence).ThenBy(l => l.Id).ToListAsync();
            parts["sequence"] = [.. (await db.InvoiceSequences.AsNoTracking().OrderBy(s => s.Issuer).ToListAsync()).Select(s => $"{s.Issuer} {s.LastNumber}")];
            foreach (var (id, name) in names)
            {
                parts[$"{name} invoices"] = [.. invoices.Where(i => i.BillingProfileId == id).Select(i => Text(
                    $"{i.InvoiceNumber} #{i.Sequence} {i.Issuer} {i.PeriodStart:yyyy-MM-dd}..{i.PeriodEnd:yyyy-MM-dd} dated {i.InvoiceDate:yyyy-MM-dd} due {i.DueDate:yyyy-MM-dd} {i.Status} {i.Currency} subtotal {i.SubTotal} credit {i.CreditApplied} tax {i.TaxAmount} total {i.TotalAmount} due {i.AmountDue} po {i.PurchaseOrderNumber}"))];
                var own = invoices.Where(i => i.BillingProfileId == id).Select(i => i.Id).ToHashSet();
                parts[$"{name} lines"] = [.. lines.Where(l => own.Contains(l.InvoiceId)).Select(l => Text(
                    $"{numbers[l.InvoiceId]} {l.ChargeType} {l.Corrects} '{l.Description}' {l.UnitPrice} x {l.Quantity} {l.StartDate:yyyy-MM-dd}..{l.EndDate:yyyy-MM-dd} {l.Amount} {l.Currency} credit {l.CreditApplied} subscription {l.SubscriptionId} partner {l.PartnerId}"))];
                parts[$"{name} charges"] = [.. charges.Where(c => c.BillingProfileId == id).Select(c => Text(
                    $"{c.IdempotencyKey} {c.ChargeType} {c.Amount} {c.StartDate:yyyy-MM-dd}..{c.EndDate:yyyy-MM-dd} eligible {c.CreditEligible} on {(c.InvoiceId is { } invoice ? numbers[invoice] : "nothing yet")}"))];
                parts[$"{name} journal"] = [.. journal.Where(e => e.BillingProfileId == id).Select(e => Text(
                    $"{e.IdempotencyKey} {e.Kind} {e.Phase} {e.Amount} lot {e.LotId} charge {e.ChargeKey} settles {e.Settles} invoice {e.InvoiceNumber}"))];
                parts[$"{name} lots"] = [.. lots.Where(l => l.BillingProfileId == id).Select(l => Text(
                    $"{l.Id} #{l.Sequence} {l.OriginalAmount} closed {l.ClosedBalance} current {l.CurrentBalance} expires {l.ExpirationDate:O}"))];
            }
        }
        foreach (var partner in partners)
            foreach (var month in months)
                parts[$"recon {partner} {month}"] = [.. (await PartnerWorld.ReconAsync(op, partner, month)).Select(r => Text(
                    $"{r.PartnerId} {r.Customer} {r.SubscriptionId} {r.OrderId} {r.Offer} {r.ChargeType} {r.UnitPrice} x {r.Quantity} {r.Start:yyyy-MM-dd}..{r.End:yyyy-MM-dd} {r.Amount} {r.Currency} {r.InvoiceNumber}"))];
        return new BillingRecord(parts);
    }

    /// <summary>The first difference from <paramref name="expected"/>, part by part; null when there is none.</summary>
    public string? DifferenceFrom(BillingRecord expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (!_parts.Keys.SequenceEqual(expected._parts.Keys, StringComparer.Ordinal))
            return $"parts differ: expected [{string.Join(", ", expected._parts.Keys.Except(_parts.Keys))}] missing, [{string.Join(", ", _parts.Keys.Except(expected._parts.Keys))}] extra";
        foreach (var (part, rows) in expected._parts)
        {
            var actual = _parts[part];
            for (var i = 0; i < Math.Max(rows.Length, actual.Length); i++)
            {
                var want = i < rows.Length ? rows[i] : "(no row)";
                var got = i < actual.Length ? actual[i] : "(no row)";
                if (want != got)
                    return $"{part}, row {i + 1} of {rows.Length} expected / {actual.Length} found:\n  expected {want}\n  found    {got}";
            }
        }
        return null;
    }

    private static string Text(FormattableString row) => row.ToString(CultureInfo.InvariantCulture);
}
