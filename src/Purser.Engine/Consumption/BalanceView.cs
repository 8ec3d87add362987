namespace Purser.Engine.Consumption;

/// <summary>
/// A billing account's credit and charges over one month, as Consumption's Balance states them:
/// credit movements (beginning, new purchases, adjustments, utilized, ending) beside what the
/// month's charges came to and how much of that credit did not cover.
/// </summary>
public sealed record BalanceView(
    string Currency,
    BillingMonth Month,
    decimal BeginningBalance,
    decimal EndingBalance,
    decimal NewPurchases,
    decimal Adjustments,
    decimal Utilized,
    decimal ServiceOverage,
    decimal ChargesBilledSeparately,
    decimal TotalOverage,
    decimal TotalUsage,
    decimal MarketplaceCharges,
    IReadOnlyList<BalanceDetail> NewPurchasesDetails,
    IReadOnlyList<BalanceDetail> AdjustmentDetails);

/// <summary>One named part of a balance figure (a grant among the new purchases, expired credit among the adjustments).</summary>
public sealed record BalanceDetail(string Name, decimal Value);
