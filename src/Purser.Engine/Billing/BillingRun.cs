using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Ledger;
using Purser.Engine.Accounts;
using Purser.Engine.Credits;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Billing;

/// <summary>
/// Closes one billing profile's period into one invoice (R-INVOICE): every pending charge dated
/// in or before the period becomes a line, credit already drawn for it is applied, the rest is
/// due, and the credit journal's pending movements are settled under the invoice number. The
/// unique (profile, period start) makes a second run for the same period return the first invoice.
/// </summary>
public sealed class BillingRun(CreditBook book)
{
    public const int PaymentTermDays = 30;

    public async Task<Outcome<InvoiceView>> CloseAsync(NewBillingRun input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.First(
                input.BillingProfileId is null ? new Refusal("MissingField", "'billingProfileId' is required.", "billingProfileId") : null,
                input.PeriodStart is null ? new Refusal("MissingField", "'periodStart' is required.", "periodStart") : null,
                input.PeriodEnd is null ? new Refusal("MissingField", "'periodEnd' is required.", "periodEnd") : null,
                input.PeriodEnd < input.PeriodStart ? new Refusal("InvalidField", "'periodEnd' must not be before 'periodStart'.", "periodEnd") : null) is { } invalid)
            return invalid;
        var (start, end) = (input.PeriodStart!.Value, input.PeriodEnd!.Value);

        return await book.ChangeAsync<InvoiceView>(input.BillingProfileId!.Value, async session =>
        {
            var db = session.Db;
            var existing = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.BillingProfileId == session.Profile.Id && i.PeriodStart == start, ct);
            if (existing is not null)
                return (LedgerChange.Replay, View(existing, await db.InvoiceLineItems.CountAsync(l => l.InvoiceId == existing.Id, ct)));
            if (DateOnly.FromDateTime(session.Now.UtcDateTime) <= end)
                return new Refusal("PeriodNotOver", $"The period ends on {end:yyyy-MM-dd}; it can be invoiced from the next day on.", "periodEnd");

            var charges = await db.Charges.Where(c => c.BillingProfileId == session.Profile.Id && c.InvoiceId == null && c.StartDate <= end).ToListAsync(ct);
            var number = InvoiceNumber(session.Profile.Id, start);
            var settleBefore = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var invoiced = charges.Select(c => c.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
            var settled = new SettleInvoice(number, settleBefore, invoiced).Decide(session.Ledger);
            if (!settled.IsAccepted)
                return settled.Refusal;

            var invoice = new Invoice
            {
                Id = Guid.NewGuid(), BillingAccountId = session.Profile.BillingAccountId, BillingProfileId = session.Profile.Id, InvoiceNumber = number,
                Currency = session.Profile.Currency, PeriodStart = start, PeriodEnd = end, InvoiceDate = end.AddDays(1),
                DueDate = end.AddDays(1 + PaymentTermDays), PurchaseOrderNumber = session.Profile.PoNumber, CreatedAt = session.Now.UtcDateTime,
            };
            foreach (var charge in charges)
            {
                var view = ChargeCommands.View(charge, session.Ledger);
                charge.InvoiceId = invoice.Id;
                invoice.SubTotal += charge.Amount;
                invoice.CreditApplied += view.CoveredByCredit;
                db.InvoiceLineItems.Add(new InvoiceLineItem
                {
                    BillingAccountId = invoice.BillingAccountId, InvoiceId = invoice.Id, ChargeId = charge.Id, SubscriptionId = charge.SubscriptionId,
                    ChargeType = charge.ChargeType, Description = charge.Description, Currency = charge.Currency, UnitPrice = charge.UnitPrice,
                    Quantity = charge.Quantity, Amount = charge.Amount, CreditApplied = view.CoveredByCredit, StartDate = charge.StartDate, EndDate = charge.EndDate,
                });
            }
            invoice.TotalAmount = invoice.SubTotal + invoice.TaxAmount;
            invoice.AmountDue = invoice.TotalAmount - invoice.CreditApplied;
            invoice.Status = invoice.AmountDue == 0m ? "Paid" : "Due";
            db.Invoices.Add(invoice);
            session.Profile.LastInvoicedAt = settleBefore.UtcDateTime;
            return (settled.Value, View(invoice, charges.Count));
        }, ct);
    }

    /// <summary>Azure-style invoice numbers ("G" and nine digits), derived from profile and period so a re-run names the same invoice.</summary>
    public static string InvoiceNumber(Guid profileId, DateOnly periodStart)
    {
        var hash = SHA256.HashData([.. profileId.ToByteArray(), .. BitConverter.GetBytes(periodStart.DayNumber)]);
        var digits = BitConverter.ToUInt64(hash, 0) % 1_000_000_000UL;
        return "G" + digits.ToString("D9", CultureInfo.InvariantCulture);
    }

    private static InvoiceView View(Invoice i, int lines) => new(i.Id, i.InvoiceNumber, i.BillingProfileId, i.Currency, i.PeriodStart, i.PeriodEnd,
        i.InvoiceDate, i.DueDate, i.Status, i.SubTotal, i.CreditApplied, i.AmountDue, lines);
}
