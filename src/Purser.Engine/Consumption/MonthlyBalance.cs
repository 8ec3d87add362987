using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Engine.Credits;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Consumption;

/// <summary>
/// Works a month's <see cref="BalanceView"/> out of credit movements, each on the day it counts on
/// (<see cref="DatedMovement"/>), and the charges dated in the month. Expired credit has no field of
/// its own in a Balance, so it is an adjustment, named in the adjustment details; so is voided credit.
/// </summary>
internal static class MonthlyBalance
{
    public static BalanceView Of(string currency, BillingMonth month, IReadOnlyList<DatedMovement> movements, IReadOnlyList<Charge> charges)
    {
        var money = Currency.Parse(currency);
        var before = movements.Where(m => m.Day < month.FirstDay).Sum(m => m.Entry.Amount);
        var during = movements.Where(m => month.Contains(m.Day)).Select(m => m.Entry).ToList();
        var grants = Of(during, EntryKind.Grant);
        var corrections = Of(during, EntryKind.Adjustment);
        var refunds = Of(during, EntryKind.Refund);
        var expired = Of(during, EntryKind.Expiry);
        var voided = Of(during, EntryKind.Void);
        var utilized = CreditCover.Of(during.Select(LedgerMapping.ToCore), money).Amount;

        var covered = CreditCover.ByCharge(movements.Select(m => LedgerMapping.ToCore(m.Entry)), money);
        var separately = charges.Where(c => !c.CreditEligible).Sum(c => c.Amount);
        var overage = charges.Where(c => c.CreditEligible).Sum(c => c.Amount - (covered.TryGetValue(c.IdempotencyKey, out var paid) ? paid.Amount : 0m));
        var adjustments = corrections.Concat(refunds).Concat(expired).Concat(voided).Sum(e => e.Amount);

        return new BalanceView(currency, month,
            BeginningBalance: before,
            EndingBalance: before + during.Sum(e => e.Amount),
            NewPurchases: grants.Sum(e => e.Amount),
            Adjustments: adjustments,
            Utilized: utilized,
            ServiceOverage: overage,
            ChargesBilledSeparately: separately,
            TotalOverage: overage + separately,
            TotalUsage: charges.Sum(c => c.Amount),
            MarketplaceCharges: separately,
            NewPurchasesDetails: [.. grants.Select(e => new BalanceDetail(e.Description, e.Amount))],
            AdjustmentDetails: [.. Detail("Adjustments", corrections), .. Detail("Refunds", refunds), .. Detail("Expired credit", expired), .. Detail("Voided credit", voided)]);
    }

    private static List<CreditJournalEntry> Of(IEnumerable<CreditJournalEntry> entries, EntryKind kind) =>
        [.. entries.Where(e => e.Kind == kind)];

    private static IEnumerable<BalanceDetail> Detail(string name, List<CreditJournalEntry> entries) =>
        entries.Count == 0 ? [] : [new BalanceDetail(name, entries.Sum(e => e.Amount))];
}
