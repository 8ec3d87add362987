using Purser.Core;
using Purser.Core.Monetary;

namespace Purser.Engine.Credits;

/// <summary>Checks on amounts that arrive from outside: positive, bounded, and no finer than the currency's minor unit.</summary>
public static class MoneyRules
{
    /// <summary>Above this an amount is a typo or an attack, not a payment.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    public static Refusal? PositiveAmount(decimal? amount, string field) =>
        amount is null ? new Refusal("MissingField", $"'{field}' is required.", field)
        : amount <= 0m ? new Refusal("InvalidField", $"'{field}' must be greater than zero.", field)
        : amount > MaxAmount ? new Refusal("InvalidField", $"'{field}' must not exceed {MaxAmount:N0}.", field)
        : null;

    public static Refusal? Precision(decimal amount, Currency currency, string field) =>
        decimal.Round(amount, currency.MinorUnitDigits) == amount
            ? null
            : new Refusal("InvalidField", $"'{field}' has more decimals than {currency.Code} allows ({currency.MinorUnitDigits}).", field);
}
