using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>The refusals ledger commands share.</summary>
internal static class LedgerRefusals
{
    public static Refusal? CheckAmount(CreditLedger ledger, Money amount, bool mustBePositive = true)
    {
        if (amount.Currency != ledger.Currency)
            return new Refusal(RefusalCode.CurrencyMismatch, $"The billing profile's credit is in {ledger.Currency}, not {amount.Currency}.");
        if (mustBePositive && !amount.IsPositive)
            return new Refusal(RefusalCode.AmountNotPositive, $"The amount must be positive, not {amount}.");
        if (!amount.IsWholeMinorUnits)
            return new Refusal(RefusalCode.AmountNotInMinorUnits, $"{amount} has a fraction of the currency's minor unit; round it first.");
        return null;
    }
}
