using System.Globalization;

namespace Purser.Server.Documents;

/// <summary>
/// The numbers of one invoice as its language writes them: the culture's separators, signs and
/// currency pattern, the currency's minor unit digits, and the ISO code in place of a symbol
/// (¥ alone would not tell CNY from JPY).
/// </summary>
internal sealed class InvoiceNumbers
{
    // Storage keeps ten decimals (decimal(28,10)); a unit price may use all of them.
    private const int FinestDigits = 10;

    // The culture's currency patterns with a space between symbol and number, as CLDR's currency
    // spacing asks when the symbol is letters: "CNY1,234.50" would be hard to read.
    private static readonly int[] SpacedPositive = [2, 3, 2, 3];
    private static readonly int[] SpacedNegative = [14, 9, 12, 11, 15, 8, 13, 10, 8, 9, 10, 11, 12, 13, 14, 15, 16];

    private readonly CultureInfo _culture;
    private readonly int _minorUnitDigits;
    private readonly NumberFormatInfo _money;
    private readonly string _amountFormat;
    private readonly string _unitPriceFormat;

    public InvoiceNumbers(CultureInfo culture, string currency, int minorUnitDigits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minorUnitDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minorUnitDigits, FinestDigits);
        _culture = culture;
        _minorUnitDigits = minorUnitDigits;
        _money = (NumberFormatInfo)culture.NumberFormat.Clone();
        _money.CurrencySymbol = currency;
        _money.CurrencyDecimalDigits = minorUnitDigits;
        _money.CurrencyPositivePattern = SpacedPositive[_money.CurrencyPositivePattern];
        _money.CurrencyNegativePattern = SpacedNegative[_money.CurrencyNegativePattern];
        _amountFormat = "N" + minorUnitDigits.ToString(CultureInfo.InvariantCulture);
        _unitPriceFormat = "#,##0." + new string('0', minorUnitDigits) + new string('#', FinestDigits - minorUnitDigits);
    }

    /// <summary>An amount with its currency, as in the totals: <c>CNY 1,234.50</c>.</summary>
    public string Money(decimal amount) => Rounded(amount).ToString("C", _money);

    /// <summary>An amount in a table whose currency is stated once: <c>1,234.50</c>.</summary>
    public string Amount(decimal amount) => Rounded(amount).ToString(_amountFormat, _culture);

    /// <summary>A unit price: at least the minor unit's digits, finer ones only where the price has them.</summary>
    public string UnitPrice(decimal price) => price.ToString(_unitPriceFormat, _culture);

    public string Quantity(decimal quantity) => quantity.ToString("#,##0.##########", _culture);

    // R-ROUND rounds in one place, before an invoice is assembled; formatting must never round again.
    private decimal Rounded(decimal amount) =>
        decimal.Round(amount, _minorUnitDigits) == amount
            ? amount
            : throw new ArgumentException($"{amount.ToString(CultureInfo.InvariantCulture)} has more decimals than the currency's {_minorUnitDigits}; amounts reach the invoice already rounded.", nameof(amount));
}
