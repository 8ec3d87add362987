using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>The refusals ledger commands share.</summary>
internal static class LedgerRefusals
{
    public static Refusal? CheckAmount(CreditLedger ledger, Money amount, bool mustBePositive = true)
    {
        if (amount.Currency != ledger.Currency)
            return new Refusal("CurrencyMismatch", $"The billing profile's credit is in {ledger.Currency}, not {amount.Currency}.");
        if (mustBePositive && !amount.IsPositive)
            return new Refusal("AmountNotPositive", $"The amount must be positive, not {amount}.");
        if (!amount.IsWholeMinorUnits)
            return new Refusal("AmountNotInMinorUnits", $"{amount} has a fraction of the currency's minor unit; round it first.");
        return null;
    }
}
