using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Engine.Accounts;
using Purser.Engine.Storage;

namespace Purser.Engine.Credits;

/// <summary>Operator movements of credit: grants, adjustments of one lot and voiding what is left of one lot.</summary>
public sealed class CreditCommands(PurserStore store, CreditBook book, CreditQueries queries)
{
    public const int MaxReasonLength = 400;

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

    /// <summary>A signed correction of one lot (Core's <see cref="AdjustCredit"/>), pending until the next invoice.</summary>
    public async Task<Outcome<CreditLotView>> AdjustAsync(Guid lotId, NewCreditAdjustment input, string idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.First(MoneyRules.SignedAmount(input.Amount, "amount"), InputRules.Required(input.Reason, "reason", MaxReasonLength)) is { } invalid)
            return invalid;
        var key = "adjustment:" + idempotencyKey;
        return await OnLotAsync(lotId, (ledger, now) =>
        {
            var currency = ledger.Currency;
            if (MoneyRules.Precision(input.Amount!.Value, currency, "amount") is { } refused)
                return refused;
            return new AdjustCredit(key, lotId, new Money(input.Amount.Value, currency), now, input.Reason!.Trim()).Decide(ledger);
        }, ct);
    }

    /// <summary>Voids what is left of one lot (Core's <see cref="VoidLot"/>): it draws nothing more.</summary>
    public async Task<Outcome<CreditLotView>> VoidAsync(Guid lotId, NewLotVoid input, string idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.Optional(input.Reason, "reason", MaxReasonLength) is { } invalid)
            return invalid;
        var key = "void:" + idempotencyKey;
        return await OnLotAsync(lotId, (ledger, now) =>
            new VoidLot(key, lotId, now, string.IsNullOrWhiteSpace(input.Reason) ? "Credit voided" : input.Reason.Trim()).Decide(ledger), ct);
    }

    /// <summary>Decides a movement of one lot under its profile's ledger lock and answers the lot as it then stands.</summary>
    private async Task<Outcome<CreditLotView>> OnLotAsync(Guid lotId, Func<CreditLedger, DateTimeOffset, Outcome<LedgerChange>> decide, CancellationToken ct)
    {
        Guid? profileId;
        await using (var db = store.CreateContext())
            profileId = await db.CreditLots.AsNoTracking().Where(l => l.Id == lotId).Select(l => (Guid?)l.BillingProfileId).FirstOrDefaultAsync(ct);
        if (profileId is null)
            return InputRules.NotFound("Credit lot", "lotId", lotId);
        var changed = await book.ChangeAsync<bool>(profileId.Value, session =>
        {
            var decided = decide(session.Ledger, session.Now);
            return Task.FromResult<Outcome<(LedgerChange, bool)>>(decided.IsAccepted
                ? (decided.Value, true)
                : decided.Refusal with { Target = decided.Refusal.Target ?? (decided.Refusal.Code == RefusalCode.InsufficientCredit || decided.Refusal.Code == RefusalCode.AmountZero ? "amount" : "lotId") });
        }, ct);
        if (!changed.IsAccepted)
            return changed.Refusal;
        return (await queries.LotAsync(profileId.Value, lotId, ct))!;
    }
}
