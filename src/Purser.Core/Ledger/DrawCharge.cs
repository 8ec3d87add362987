using System.Collections.Immutable;
using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>
/// Pays a rounded charge from credit in R-DRAW order, never taking a lot below zero.
/// Credit-ineligible products (R-CE) draw nothing and are due in full.
/// </summary>
/// <remarks>
/// A replay is recognised by the draws it wrote; a charge that drew nothing leaves no entry,
/// so the engine keeps the charge itself under the same key to refuse repeating it.
/// </remarks>
public sealed record DrawCharge(
    string Key,
    Money Amount,
    bool CreditEligible,
    DateTimeOffset At,
    string Description,
    EntryPhase Phase = EntryPhase.Pending)
{
    public Outcome<ChargeDrawn> Decide(CreditLedger ledger)
    {
        if (LedgerRefusals.CheckAmount(ledger, Amount) is { } refusal)
            return refusal;
        if (ledger.EntriesForCharge(Key).Any(e => e.Kind == EntryKind.ChargeDraw))
        {
            var covered = ledger.CoveredByCredit(Key);
            return Outcome<ChargeDrawn>.Accept(new ChargeDrawn(LedgerChange.Replay, covered, Amount - covered));
        }
        if (!CreditEligible)
            return Outcome<ChargeDrawn>.Accept(new ChargeDrawn(LedgerChange.None, Money.Zero(Amount.Currency), Amount));

        var draws = ImmutableArray.CreateBuilder<JournalEntry>();
        var left = Amount;
        foreach (var lot in ledger.Lots.Where(l => l.IsUsableAt(At)).Order(DrawOrder.Instance))
        {
            var position = ledger.Position(lot.Id);
            if (left.IsZero)
                break;
            if (position.HasExpired || !position.Balance.IsPositive)
                continue;
            var drawn = Money.Min(left, position.Balance);
            draws.Add(new JournalEntry($"{Key}/{lot.Id:N}", EntryKind.ChargeDraw, lot.Id, -drawn, Phase, At, Description, ChargeKey: Key));
            left -= drawn;
        }
        return Outcome<ChargeDrawn>.Accept(new ChargeDrawn(new LedgerChange([], draws.ToImmutable()), Amount - left, left));
    }
}
