namespace Purser.Core.Ledger;

/// <summary>
/// Event types of the transactions list (R-EVENTS), spelled as Microsoft.Consumption spells
/// them, plus <see cref="SettledAdjustments"/>, which that API has no name for.
/// </summary>
public enum CreditEventType
{
    NewCredit,
    PendingNewCredit,
    PendingCharges,
    SettledCharges,
    PendingAdjustments,
    SettledAdjustments,
    PendingExpiredCredit,
    CreditExpired,
}
