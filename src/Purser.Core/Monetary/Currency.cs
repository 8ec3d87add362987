using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Purser.Core.Monetary;

/// <summary>An ISO 4217 currency and the number of decimals of its minor unit.</summary>
public readonly record struct Currency
{
    private static readonly FrozenDictionary<string, int> MinorUnits = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["CNY"] = 2, ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["HKD"] = 2, ["TWD"] = 2,
        ["AUD"] = 2, ["CAD"] = 2, ["CHF"] = 2, ["SGD"] = 2, ["INR"] = 2, ["JPY"] = 0, ["KRW"] = 0,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly Currency CNY = new("CNY", 2);
    public static readonly Currency USD = new("USD", 2);
    public static readonly Currency EUR = new("EUR", 2);
    public static readonly Currency JPY = new("JPY", 0);

    private Currency(string code, int minorUnitDigits)
    {
        Code = code;
        MinorUnitDigits = minorUnitDigits;
    }

    public string Code { get; }

    /// <summary>Decimal places of the minor unit: 2 for fen and cents, 0 for yen.</summary>
    public int MinorUnitDigits { get; }

    public static IEnumerable<string> KnownCodes => MinorUnits.Keys;

    public static bool TryParse(string? code, [NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        if (code is null || !MinorUnits.TryGetValue(code.ToUpperInvariant(), out var digits))
            return false;
        currency = new Currency(code.ToUpperInvariant(), digits);
        return true;
    }

    public static Currency Parse(string code) =>
        TryParse(code, out var currency) ? currency.Value : throw new ArgumentException($"Unknown currency '{code}'.", nameof(code));

    public override string ToString() => Code;
}
