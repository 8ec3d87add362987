namespace Purser.Engine.Consumption;

/// <summary>
/// One billing profile's charges over a date range: credit-eligible Azure charges and those billed
/// separately (R-CE), and whether every one of them is on an invoice yet.
/// </summary>
public sealed record ChargeSummaryView(
    Guid BillingProfileId,
    string BillingProfileName,
    string Currency,
    DateOnly From,
    DateOnly To,
    decimal AzureCharges,
    decimal ChargesBilledSeparately,
    bool IsInvoiced);
