using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Invoicing;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Engine.Accounts;
using Purser.Engine.Credits;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Billing;

/// <summary>
/// Records a charge and pays what it can from credit (R-DRAW, R-CE) in one transaction, and refunds charges
/// (Core's <see cref="RefundCharge"/>). The charge and refund rows carry the idempotency key, so a replay is
/// recognised even when nothing was drawn or returned to credit.
/// </summary>
public sealed class ChargeCommands(PurserStore store, CreditBook book)
{
    public const int MaxDescriptionLength = 400;

    public async Task<Outcome<ChargeView>> RecordAsync(NewCharge input, string idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.First(
                input.BillingProfileId is null ? new Refusal(RefusalCode.MissingField, "'billingProfileId' is required.", "billingProfileId") : null,
                MoneyRules.PositiveAmount(input.Amount, "amount"),
                InputRules.Required(input.Description, "description", MaxDescriptionLength)) is { } invalid)
            return invalid;

        var key = "charge:" + idempotencyKey;
        return await book.ChangeAsync<ChargeView>(input.BillingProfileId!.Value, async session =>
        {
            var db = session.Db;
            var existing = await db.Charges.AsNoTracking().FirstOrDefaultAsync(c => c.BillingProfileId == session.Profile.Id && c.IdempotencyKey == key, ct);
            if (existing is not null)
                return (LedgerChange.Replay, View(existing, session.Ledger));
            if (input.SubscriptionId is { } subscriptionId
                && !await db.Subscriptions.AnyAsync(s => s.Id == subscriptionId && s.BillingProfileId == session.Profile.Id, ct))
                return InputRules.NotFound("Subscription in this billing profile", "subscriptionId", subscriptionId);

            var currency = session.Ledger.Currency;
            var amount = new Money(input.Amount!.Value, currency).RoundAsCharge();
            var at = input.ChargedAt ?? session.Now;
            var eligible = input.CreditEligible ?? true;
            // R-CALENDAR: a charge at 00:20 local on a billing date belongs to the new period, whatever the UTC date.
            var day = session.Profile.Calendar().DayOf(at);
            var drawn = new DrawCharge(key, amount, eligible, at, input.Description!.Trim()).Decide(session.Ledger);
            if (!drawn.IsAccepted)
                return drawn.Refusal with { Target = drawn.Refusal.Target ?? "amount" };
            var charge = new Charge
            {
                Id = Guid.NewGuid(), BillingAccountId = session.Profile.BillingAccountId, BillingProfileId = session.Profile.Id,
                SubscriptionId = input.SubscriptionId, ChargeType = ChargeType.OneTime, Description = input.Description.Trim(), Currency = currency.Code,
                UnitPrice = amount.Amount, Quantity = 1m, Amount = amount.Amount, CreditEligible = eligible,
                StartDate = day, EndDate = day,
                IdempotencyKey = key, CreatedAt = session.Now.UtcDateTime,
            };
            db.Charges.Add(charge);
            return (drawn.Value.Change, new ChargeView(charge.Id, charge.BillingProfileId, charge.SubscriptionId, charge.Description,
                amount, drawn.Value.CoveredByCredit, drawn.Value.AmountDue, eligible, charge.StartDate, null));
        }, ct);
    }

    /// <summary>
    /// Refunds (part of) a charge: credit goes back to the lots it drew from, the rest is owed back through the
    /// payment method; refunds together never return more than the charge.
    /// </summary>
    public async Task<Outcome<RefundView>> RefundAsync(Guid chargeId, NewRefund input, string idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.First(
                input.Amount is null ? null : MoneyRules.PositiveAmount(input.Amount, "amount"),
                InputRules.Optional(input.Reason, "reason", MaxDescriptionLength)) is { } invalid)
            return invalid;
        Guid? profileId;
        await using (var lookup = store.CreateContext())
            profileId = await lookup.Charges.AsNoTracking().Where(c => c.Id == chargeId).Select(c => (Guid?)c.BillingProfileId).FirstOrDefaultAsync(ct);
        if (profileId is null)
            return InputRules.NotFound("Charge", "chargeId", chargeId);

        var key = "refund:" + idempotencyKey;
        return await book.ChangeAsync<RefundView>(profileId.Value, async session =>
        {
            var db = session.Db;
            var charge = await db.Charges.AsNoTracking().FirstAsync(c => c.Id == chargeId, ct);
            var currency = Currency.Parse(charge.Currency);
            var earlier = await db.ChargeRefunds.AsNoTracking().Where(r => r.BillingProfileId == charge.BillingProfileId && r.ChargeId == chargeId).ToListAsync(ct);
            var charged = new Money(charge.Amount, currency);
            var refunded = new Money(earlier.Sum(r => r.Amount), currency);
            if (earlier.FirstOrDefault(r => r.IdempotencyKey == key) is { } existing)
                return (LedgerChange.Replay, View(existing, charged, new Money(earlier.Where(r => r.RefundedAt <= existing.RefundedAt).Sum(r => r.Amount), currency)));
            if (input.Amount is { } given && MoneyRules.Precision(given, currency, "amount") is { } imprecise)
                return imprecise;

            var reason = string.IsNullOrWhiteSpace(input.Reason) ? $"Refund of {charge.Description}" : input.Reason.Trim();
            var decided = new RefundCharge(key, charge.IdempotencyKey, charged, refunded, input.Amount is { } a ? new Money(a, currency) : null, session.Now, reason)
                .Decide(session.Ledger);
            if (!decided.IsAccepted)
                return decided.Refusal with { Target = decided.Refusal.Target ?? "amount" };
            var row = new ChargeRefund
            {
                Id = Guid.NewGuid(), BillingAccountId = charge.BillingAccountId, BillingProfileId = charge.BillingProfileId, ChargeId = charge.Id, Currency = charge.Currency,
                Amount = (decided.Value.ReturnedToCredit + decided.Value.ReturnedToPaymentMethod).Amount, ReturnedToCredit = decided.Value.ReturnedToCredit.Amount,
                ReturnedToPaymentMethod = decided.Value.ReturnedToPaymentMethod.Amount, Reason = reason, IdempotencyKey = key, RefundedAt = session.Now.UtcDateTime,
            };
            db.ChargeRefunds.Add(row);
            return (decided.Value.Change, View(row, charged, refunded + new Money(row.Amount, currency)));
        }, ct);
    }

    private static RefundView View(ChargeRefund refund, Money charged, Money refundedSoFar)
    {
        var currency = charged.Currency;
        return new RefundView(refund.Id, refund.ChargeId, refund.BillingProfileId, new Money(refund.Amount, currency), new Money(refund.ReturnedToCredit, currency),
            new Money(refund.ReturnedToPaymentMethod, currency), charged - refundedSoFar, refund.Reason, new DateTimeOffset(refund.RefundedAt, TimeSpan.Zero));
    }

    internal static ChargeView View(Charge charge, CreditLedger ledger)
    {
        var covered = ledger.CoveredByCredit(charge.IdempotencyKey);
        var amount = new Money(charge.Amount, Currency.Parse(charge.Currency));
        return new ChargeView(charge.Id, charge.BillingProfileId, charge.SubscriptionId, charge.Description, amount,
            covered, amount - covered, charge.CreditEligible, charge.StartDate, charge.InvoiceId);
    }
}
