namespace Purser.Core.Monetary;

/// <summary>
/// R-ROUND, the only rounding rule in Purser: a charge is rounded half away from zero to the
/// currency's minor unit; a credit or refund is rounded toward zero so that a customer is
/// never credited more than was owed.
/// </summary>
public static class Rounding
{
    public static decimal Charge(decimal amount, Currency currency) =>
        Math.Round(amount, currency.MinorUnitDigits, MidpointRounding.AwayFromZero);

    public static decimal Credit(decimal amount, Currency currency) =>
        Math.Round(amount, currency.MinorUnitDigits, MidpointRounding.ToZero);
}
