using Purser.Core;
using Purser.Core.Monetary;

namespace Purser.Engine.Credits;

/// <summary>Checks on amounts that arrive from outside: positive, bounded, and no finer than the currency's minor unit.</summary>
public static class MoneyRules
{
    /// <summary>Above this an amount is a typo or an attack, not a payment.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    public static Refusal? PositiveAmount(decimal? amount, string field) =>
        amount is null ? new Refusal(RefusalCode.MissingField, $"'{field}' is required.", field)
        : amount <= 0m ? new Refusal(RefusalCode.InvalidField, $"'{field}' must be greater than zero.", field)
        : amount > MaxAmount ? new Refusal(RefusalCode.InvalidField, $"'{field}' must not exceed {MaxAmount:N0}.", field)
        : null;

    /// <summary>A signed correction: not zero, and no larger either way than a positive amount may be.</summary>
    public static Refusal? SignedAmount(decimal? amount, string field) =>
        amount is null ? new Refusal(RefusalCode.MissingField, $"'{field}' is required.", field)
        : amount == 0m ? new Refusal(RefusalCode.InvalidField, $"'{field}' must not be zero: an adjustment of zero changes nothing.", field)
        : Math.Abs(amount.Value) > MaxAmount ? new Refusal(RefusalCode.InvalidField, $"'{field}' must lie within ±{MaxAmount:N0}.", field)
        : null;

    /// <summary>An amount given in a currency must be in the billing profile's; no currency given means the profile's.</summary>
    public static Refusal? SameCurrency(string? given, Currency billed, string field) =>
        given is null || string.Equals(given, billed.Code, StringComparison.OrdinalIgnoreCase)
            ? null
            : new Refusal(RefusalCode.CurrencyMismatch, $"The billing profile is billed in {billed.Code}, not {given.ToUpperInvariant()}.", field);

    public static Refusal? Precision(decimal amount, Currency currency, string field) =>
        decimal.Round(amount, currency.MinorUnitDigits) == amount
            ? null
            : new Refusal(RefusalCode.InvalidField, $"'{field}' has more decimals than {currency.Code} allows ({currency.MinorUnitDigits}).", field);
}
