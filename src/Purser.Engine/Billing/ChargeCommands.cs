using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Invoicing;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Engine.Accounts;
using Purser.Engine.Credits;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Billing;

/// <summary>
/// Records a charge and pays what it can from credit (R-DRAW, R-CE) in one transaction. The
/// charge row carries the idempotency key, so a replay is recognised even when nothing was drawn.
/// </summary>
public sealed class ChargeCommands(CreditBook book)
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

    internal static ChargeView View(Charge charge, CreditLedger ledger)
    {
        var covered = ledger.CoveredByCredit(charge.IdempotencyKey);
        var amount = new Money(charge.Amount, Currency.Parse(charge.Currency));
        return new ChargeView(charge.Id, charge.BillingProfileId, charge.SubscriptionId, charge.Description, amount,
            covered, amount - covered, charge.CreditEligible, charge.StartDate, charge.InvoiceId);
    }
}
