using System.Collections.Immutable;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Calendar;
using Purser.Core.Invoicing;
using Purser.Core.Licensing;
using Purser.Core.Monetary;
using Purser.Engine.Credits;
using Stored = Purser.Engine.Storage.Entities;

namespace Purser.Engine.Billing;

/// <summary>A planned close: the charges it takes onto the invoice, the license lines it bills, and the Core's decision.</summary>
internal sealed record ClosePlan(
    List<Stored.Charge> Recorded,
    ImmutableArray<(LicenseAccount Account, InvoiceCharge Charge)> LicenseLines,
    Dictionary<Guid, string?> Partners,
    InvoiceDecision Decision);

/// <summary>
/// What closing a period bills, shared by the close and its preview: every pending charge dated
/// (on the profile's local days) up to the period's end, and for each license subscription the
/// difference between the lines its history gives through this close and those already billed.
/// </summary>
internal static class MonthClose
{
    public static async Task<Outcome<ClosePlan>> PlanAsync(LedgerSession session, BillingPeriod period, string invoiceNumber, CancellationToken ct)
    {
        var db = session.Db;
        var profile = session.Profile;
        var calendar = profile.Calendar();
        var currency = session.Ledger.Currency;
        var recorded = await db.Charges.Where(c => c.BillingProfileId == profile.Id && c.InvoiceId == null && c.StartDate <= period.End)
            .OrderBy(c => c.StartDate).ThenBy(c => c.CreatedAt).ThenBy(c => c.IdempotencyKey).ToListAsync(ct);
        var licenses = await LicenseHistory.LoadAsync(db, profile, calendar, currency, ct);
        if (!licenses.IsAccepted)
            return licenses.Refusal;

        var licenseLines = ImmutableArray.CreateBuilder<(LicenseAccount, InvoiceCharge)>();
        foreach (var account in licenses.Value)
        {
            var due = LicenseBilling.Due(account.Terms, period.NextStart, account.Billed);
            for (var i = 0; i < due.Length; i++)
            {
                var key = $"license:{account.Row.Id:N}:{invoiceNumber}:{i.ToString(CultureInfo.InvariantCulture)}";
                licenseLines.Add((account, new InvoiceCharge(key, due[i], account.CreditEligible, Describe(account.Product, due[i]))));
            }
        }
        var subscriptionIds = recorded.Select(c => c.SubscriptionId).OfType<Guid>().ToHashSet();
        var partners = await db.Subscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.PartnerId, ct);
        foreach (var account in licenses.Value)
            partners[account.Row.Id] = account.Row.PartnerId;

        var close = new InvoiceClose(invoiceNumber, calendar.ClosesAt(period), session.Now,
            [.. recorded.Select(c => new InvoiceCharge(c.IdempotencyKey, ToLine(c, currency), c.CreditEligible, c.Description))],
            [.. licenseLines.Select(l => l.Item2)]);
        var decision = close.Decide(session.Ledger);
        if (!decision.IsAccepted)
            return decision.Refusal;
        return new ClosePlan(recorded, licenseLines.ToImmutable(), partners, decision.Value);
    }

    private static LineItem ToLine(Stored.Charge charge, Currency currency)
    {
        var amount = new Money(charge.Amount, currency);
        return new LineItem(charge.ChargeType, new Money(charge.UnitPrice, currency), charge.Quantity,
            new BillingPeriod(charge.StartDate, charge.EndDate), amount, amount);
    }

    private static string Describe(string product, LineItem line) => string.Create(CultureInfo.InvariantCulture,
        $"{product}, {(line.Corrects is { } corrected ? $"correction of {corrected}" : line.ChargeType.ToString())}, {line.Quantity:0.##} seats, {line.Dates.Start:yyyy-MM-dd}..{line.Dates.End:yyyy-MM-dd}");
}
