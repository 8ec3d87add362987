using Purser.Core.Ledger;
using Purser.Core.Monetary;

namespace Purser.Core.Tests.Ledger;

/// <summary>Drives a ledger through commands the way the engine does: decide, then apply.</summary>
internal sealed class LedgerBuilder(Currency currency)
{
    private readonly Dictionary<string, (Money Charged, Money Refunded)> charges = new(StringComparer.Ordinal);

    public CreditLedger Ledger { get; private set; } = CreditLedger.Empty(currency);

    public Money M(decimal amount) => new(amount, Ledger.Currency);

    public Guid Grant(decimal amount, DateTimeOffset startsAt, DateTimeOffset expiresAt, string? key = null)
    {
        var id = Guid.NewGuid();
        Ledger = Ledger.Apply(new GrantCredit(key ?? $"grant-{id:N}", id, M(amount), CreditSources.Promotional, startsAt, expiresAt).Decide(Ledger).Value);
        return id;
    }

    public ChargeDrawn Charge(string key, decimal amount, DateTimeOffset at, bool eligible = true, EntryPhase phase = EntryPhase.Pending)
    {
        var drawn = new DrawCharge(key, M(amount), eligible, at, $"Charge {key}", phase).Decide(Ledger).Value;
        Ledger = Ledger.Apply(drawn.Change);
        charges.TryAdd(key, (M(amount), M(0m)));
        return drawn;
    }

    public LedgerChange Expire(DateTimeOffset now)
    {
        var change = new ExpireCredit(now).Decide(Ledger);
        Ledger = Ledger.Apply(change);
        return change;
    }

    public ChargeRefunded Refund(string key, string chargeKey, decimal? amount, DateTimeOffset at) => TryRefund(key, chargeKey, amount, at).Value;

    /// <summary>Refunds as the engine does, with what the charge was and what its earlier refunds returned.</summary>
    public Outcome<ChargeRefunded> TryRefund(string key, string chargeKey, decimal? amount, DateTimeOffset at)
    {
        var (charged, refunded) = charges[chargeKey];
        var outcome = new RefundCharge(key, chargeKey, charged, refunded, amount is { } a ? M(a) : null, at, $"Refund of {chargeKey}").Decide(Ledger);
        if (outcome.IsAccepted && !outcome.Value.Change.Replayed)
        {
            Ledger = Ledger.Apply(outcome.Value.Change);
            charges[chargeKey] = (charged, refunded + outcome.Value.ReturnedToCredit + outcome.Value.ReturnedToPaymentMethod);
        }
        return outcome;
    }

    public void Settle(string invoiceNumber, DateTimeOffset before) =>
        Ledger = Ledger.Apply(new SettleInvoice(invoiceNumber, before).Decide(Ledger).Value);

    public void Apply(LedgerChange change) => Ledger = Ledger.Apply(change);

    public Money Balance(Guid lot) => Ledger.Position(lot).Balance;

    public Money ClosedBalance(Guid lot) => Ledger.Position(lot).ClosedBalance;
}
