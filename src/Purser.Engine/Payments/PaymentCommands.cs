using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Lifecycle;
using Purser.Core.Monetary;
using Purser.Core.Payments;
using Purser.Engine.Accounts;
using Purser.Engine.Credits;
using Purser.Engine.Lifecycle;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Payments;

/// <summary>
/// Payments for prepaid subscriptions, each in one transaction with its credit lot and the
/// subscription's lifecycle, as Core's <see cref="PrepaidPaymentDecision"/> decides them.
/// </summary>
public sealed class PaymentCommands(PurserStore store, CreditBook book, PaymentSettings settings)
{
    public static readonly IReadOnlyList<string> Methods = ["WireTransfer", "Check", "CreditCard", "Alipay", "UnionPay"];

    public async Task<Outcome<PaymentView>> PayAsync(NewPayment input, string idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.First(
                input.SubscriptionId is null ? new Refusal(RefusalCode.MissingField, "'subscriptionId' is required.", "subscriptionId") : null,
                MoneyRules.PositiveAmount(input.Amount, "amount"),
                input.Currency is null ? null : InputRules.Currency(input.Currency, "currency"),
                input.Method is null ? null : InputRules.OneOf(input.Method, "method", Methods),
                InputRules.Optional(input.PoNumber, "poNumber", 100)) is { } invalid)
            return invalid;

        Guid profileId;
        await using (var db = store.CreateContext())
        {
            var found = await db.Subscriptions.AsNoTracking().Where(s => s.Id == input.SubscriptionId).Select(s => (Guid?)s.BillingProfileId).FirstOrDefaultAsync(ct);
            if (found is null)
                return InputRules.NotFound("Subscription", "subscriptionId", input.SubscriptionId);
            profileId = found.Value;
        }
        var key = "payment:" + idempotencyKey;
        return await book.ChangeAsync<PaymentView>(profileId, async session =>
        {
            var db = session.Db;
            var subscription = await db.Subscriptions.FirstAsync(s => s.Id == input.SubscriptionId, ct);
            var existing = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.BillingProfileId == session.Profile.Id && p.IdempotencyKey == key, ct);
            if (existing is not null)
                return (LedgerChange.Replay, View(existing, subscription, session.Ledger));

            var currency = session.Ledger.Currency;
            if (MoneyRules.SameCurrency(input.Currency, currency, "currency") is { } otherCurrency)
                return otherCurrency;
            var zone = BillingTimeZone.Resolve(session.Profile.TimeZone);
            var payment = new PrepaidPayment(key, Guid.NewGuid(), new Money(input.Amount!.Value, currency), session.Now, input.PoNumber ?? "");
            var lifecycle = LifecycleRecords.Load(subscription, zone);
            var policy = PaymentPolicy.StandardPrepaid(currency, settings.MinimumFor(currency));

            var decided = PrepaidPaymentDecision.Decide(lifecycle, payment, policy, zone, session.Ledger);
            if (!decided.IsAccepted)
                return decided.Refusal with { Target = decided.Refusal.Target ?? "amount" };
            var (grant, decision) = decided.Value;
            var change = grant.Decide(session.Ledger);
            if (!change.IsAccepted)
                return change.Refusal with { Target = change.Refusal.Target ?? "amount" };
            session.LotSubscriptions[grant.LotId] = subscription.Id;
            var after = session.Ledger.Apply(change.Value);
            LifecycleRecords.Apply(session, subscription, decision(after));

            var row = new Payment
            {
                Id = Guid.NewGuid(), BillingAccountId = session.Profile.BillingAccountId, BillingProfileId = session.Profile.Id, SubscriptionId = subscription.Id,
                LotId = grant.LotId, Currency = currency.Code, Amount = payment.Amount.Amount, Method = input.Method ?? "WireTransfer",
                IdempotencyKey = key, ReceivedAt = session.Now.UtcDateTime,
            };
            db.Payments.Add(row);
            return (change.Value, View(row, subscription, after));
        }, ct);
    }

    private static PaymentView View(Payment p, Subscription s, CreditLedger ledger)
    {
        var lot = ledger.Lot(p.LotId!.Value);
        return new PaymentView(p.Id, s.Id, new Money(p.Amount, Currency.Parse(p.Currency)), p.Method, lot.Id, lot.OriginalAmount, lot.ExpiresAt, s.OfferType, s.State,
            s.NeedsReconfiguration);
    }
}
