using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Core.Payments;
using Purser.Engine.Accounts;
using Purser.Engine.Billing;
using Purser.Engine.Credits;
using Purser.Engine.Invoicing;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Payments;

/// <summary>
/// Payments received against issued invoices (R-INVNUM: payments reduce the amount due, the invoice
/// itself never changes), as Core's <see cref="InvoicePayment"/> decides them. A payment is a row of its own, with no
/// credit lot. Each is decided and written under the billing profile's ledger lock, so payments racing on one invoice are decided one
/// after the other and together never pay more than was due.
/// </summary>
public sealed class InvoicePaymentCommands(PurserStore store, CreditBook book)
{
    public async Task<Outcome<InvoicePaymentView>> PayAsync(Guid invoiceId, NewInvoicePayment input, string idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.First(
                MoneyRules.PositiveAmount(input.Amount, "amount"),
                InputRules.OneOf(input.Method, "method", PaymentCommands.Methods)) is { } invalid)
            return invalid;

        Guid? profileId;
        await using (var lookup = store.CreateContext())
            profileId = await lookup.Invoices.AsNoTracking().Where(i => i.Id == invoiceId).Select(i => (Guid?)i.BillingProfileId).FirstOrDefaultAsync(ct);
        if (profileId is null)
            return InputRules.NotFound("Invoice", "invoiceId", invoiceId);

        var key = "invoice-payment:" + idempotencyKey;
        return await book.ChangeAsync<InvoicePaymentView>(profileId.Value, async session =>
        {
            var db = session.Db;
            var invoice = await db.Invoices.AsNoTracking().FirstAsync(i => i.Id == invoiceId, ct);
            var received = await db.Payments.AsNoTracking().Where(p => p.InvoiceId == invoiceId).ToListAsync(ct);
            var calendar = session.Profile.Calendar();
            var existing = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.BillingProfileId == session.Profile.Id && p.IdempotencyKey == key, ct);
            if (existing is not null)
                return (LedgerChange.Replay, View(invoice, existing, received, calendar, session.Now));

            var currency = Currency.Parse(invoice.Currency);
            var amount = input.Amount!.Value;
            var receivedAt = input.ReceivedAt ?? session.Now;
            if (MoneyRules.Precision(amount, currency, "amount") is { } imprecise)
                return imprecise;
            var decided = InvoicePayment.Receive(InvoiceBalance.Issued(invoice), new Money(received.Sum(p => p.Amount), currency), new Money(amount, currency), receivedAt,
                session.Now, calendar.DayOf(session.Now));
            if (!decided.IsAccepted)
                return decided.Refusal;
            var row = new Payment
            {
                Id = Guid.NewGuid(), BillingAccountId = invoice.BillingAccountId, BillingProfileId = invoice.BillingProfileId, InvoiceId = invoice.Id,
                Currency = invoice.Currency, Amount = amount, Method = input.Method!, IdempotencyKey = key, ReceivedAt = receivedAt.UtcDateTime,
            };
            db.Payments.Add(row);
            return (LedgerChange.None, View(invoice, row, [.. received, row], calendar, session.Now));
        }, ct);
    }

    private static InvoicePaymentView View(Invoice invoice, Payment payment, IEnumerable<Payment> received, BillingCalendar calendar, DateTimeOffset now)
    {
        var balance = InvoiceBalance.Of(invoice, received.Sum(p => p.Amount), calendar, now);
        var currency = Currency.Parse(invoice.Currency);
        return new InvoicePaymentView(payment.Id, invoice.Id, invoice.InvoiceNumber, new Money(payment.Amount, Currency.Parse(payment.Currency)), payment.Method,
            new DateTimeOffset(payment.ReceivedAt, TimeSpan.Zero), new Money(balance.Paid, currency), new Money(balance.Remaining, currency), balance.Status);
    }
}
