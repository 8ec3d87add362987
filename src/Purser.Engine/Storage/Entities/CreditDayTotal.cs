namespace Purser.Engine.Storage.Entities;

/// <summary>
/// The sum of a billing profile's credit movements dated on one UTC day (settled twins excluded), so
/// the transactions list finds the running balance at any date from these totals, not from the journal.
/// UTC days keep the totals true when a profile's time zone changes.
/// </summary>
internal sealed class CreditDayTotal
{
    public Guid BillingAccountId { get; set; }
    public Guid BillingProfileId { get; set; }
    public DateOnly Day { get; set; }
    public required string Currency { get; set; }
    public decimal Amount { get; set; }
}
