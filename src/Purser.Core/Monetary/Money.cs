using System.Globalization;

namespace Purser.Core.Monetary;

/// <summary>
/// An amount of money in one currency. Never rounded implicitly; every operation on two amounts,
/// comparisons included, refuses a mix of currencies.
/// </summary>
public readonly record struct Money(decimal Amount, Currency Currency)
{
    public Currency Currency { get; } = Currency ?? throw new ArgumentNullException(nameof(Currency), "Money needs a currency.");

    public static Money Zero(Currency currency) => new(0m, currency);

    public bool IsZero => Amount == 0m;
    public bool IsNegative => Amount < 0m;
    public bool IsPositive => Amount > 0m;

    /// <summary>True when the amount needs no rounding: stored amounts must hold no fraction of a fen or cent.</summary>
    public bool IsWholeMinorUnits => Rounding.Credit(Amount, Currency) == Amount;

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount, Same(a, b));
    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount, Same(a, b));
    public static Money operator -(Money a) => new(-a.Amount, a.Currency);
    public static Money operator *(Money a, decimal factor) => new(a.Amount * factor, a.Currency);
    public static Money operator /(Money a, decimal divisor) => new(a.Amount / divisor, a.Currency);
    public static bool operator <(Money a, Money b) => Compare(a, b) < 0;
    public static bool operator >(Money a, Money b) => Compare(a, b) > 0;
    public static bool operator <=(Money a, Money b) => Compare(a, b) <= 0;
    public static bool operator >=(Money a, Money b) => Compare(a, b) >= 0;

    public static Money Min(Money a, Money b) => a <= b ? a : b;
    public static Money Max(Money a, Money b) => a >= b ? a : b;

    public Money RoundAsCharge() => new(Rounding.Charge(Amount, Currency), Currency);
    public Money RoundAsCredit() => new(Rounding.Credit(Amount, Currency), Currency);

    public Money Add(Money other) => this + other;
    public Money Subtract(Money other) => this - other;
    public Money Multiply(decimal factor) => this * factor;
    public Money Divide(decimal divisor) => this / divisor;
    public Money Negate() => -this;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00########} {Currency.Code}");

    // The currency is checked before the amounts, so no comparison can answer without it.
    private static int Compare(Money a, Money b)
    {
        Same(a, b);
        return a.Amount.CompareTo(b.Amount);
    }

    private static Currency Same(Money a, Money b) =>
        a.Currency is null || b.Currency is null
            ? throw new InvalidOperationException("default(Money) has no currency; it is not an amount.")
            : a.Currency == b.Currency
                ? a.Currency
                : throw new InvalidOperationException($"Cannot combine {a.Currency} with {b.Currency}.");
}
