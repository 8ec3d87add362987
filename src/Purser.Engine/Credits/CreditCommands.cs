using Purser.Core;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Engine.Accounts;

namespace Purser.Engine.Credits;

/// <summary>Operator movements of credit: grants now; payments and adjustments build on the same book.</summary>
public sealed class CreditCommands(CreditBook book, CreditQueries queries)
{
    public static readonly IReadOnlyList<string> GrantSources = [CreditSources.Promotional, CreditSources.Prepayment, CreditSources.Trial];

    public async Task<Outcome<CreditLotView>> GrantAsync(NewCreditGrant input, string idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.First(
                input.BillingProfileId is null ? new Refusal(RefusalCode.MissingField, "'billingProfileId' is required.", "billingProfileId") : null,
                MoneyRules.PositiveAmount(input.Amount, "amount"),
                input.Currency is null ? null : InputRules.Currency(input.Currency, "currency"),
                InputRules.OneOf(input.Source ?? CreditSources.Promotional, "source", GrantSources),
                InputRules.Optional(input.PoNumber, "poNumber", 100)) is { } invalid)
            return invalid;

        var key = "grant:" + idempotencyKey;
        var granted = await book.ChangeAsync<Guid>(input.BillingProfileId!.Value, session =>
        {
            var currency = session.Ledger.Currency;
            if ((MoneyRules.SameCurrency(input.Currency, currency, "currency") ?? MoneyRules.Precision(input.Amount!.Value, currency, "amount")) is { } refused)
                return Task.FromResult<Outcome<(LedgerChange, Guid)>>(refused);
            var start = input.StartDate ?? session.Now;
            var grant = new GrantCredit(key, Guid.NewGuid(), new Money(input.Amount!.Value, currency), input.Source ?? CreditSources.Promotional,
                start, input.ExpirationDate ?? start.AddMonths(12), input.PoNumber ?? "");
            var decided = grant.Decide(session.Ledger);
            if (!decided.IsAccepted)
                return Task.FromResult<Outcome<(LedgerChange, Guid)>>(decided.Refusal with
                {
                    Target = decided.Refusal.Target ?? (decided.Refusal.Code == RefusalCode.LotExpiresBeforeStart ? "expirationDate" : "amount"),
                });
            var lotId = decided.Value.Replayed ? session.Ledger.Entry(key)!.LotId : grant.LotId;
            return Task.FromResult<Outcome<(LedgerChange, Guid)>>((decided.Value, lotId));
        }, ct);
        if (!granted.IsAccepted)
            return granted.Refusal;
        return (await queries.LotAsync(input.BillingProfileId.Value, granted.Value, ct))!;
    }
}
